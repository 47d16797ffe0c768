using Llt.Hotpath.Indicators;

namespace Llt.Hotpath.Tests.Indicators;

/// <summary>One of every streaming indicator, updated together (allocation test).</summary>
internal sealed class StreamingSet
{
    private readonly SimpleMovingAverage _sma;
    private readonly RollingVariance _variance;
    private readonly RollingZScore _zScore;
    private readonly BollingerBands _bands;
    private readonly RollingHighLow _highLow;
    private readonly RollingVwap _vwap;
    private readonly RollingVolumeAverage _volume;
    private ExponentialMovingAverage _ema;
    private AverageTrueRange _atr;
    private RelativeStrengthIndex _rsi;
    private SessionVwap _sessionVwap;

    public StreamingSet(int window)
    {
        _sma = new SimpleMovingAverage(window);
        _variance = new RollingVariance(window, VarianceKind.Sample);
        _zScore = new RollingZScore(window, VarianceKind.Population);
        _bands = new BollingerBands(window);
        _highLow = new RollingHighLow(window);
        _vwap = new RollingVwap(window);
        _volume = new RollingVolumeAverage(window);
        _ema = new ExponentialMovingAverage(window);
        _atr = new AverageTrueRange(window);
        _rsi = new RelativeStrengthIndex(window);
    }

    public double Run(double[] values, double[] volumes)
    {
        double checksum = 0;
        for (int i = 0; i < values.Length; i++)
        {
            double value = values[i];
            _sma.Update(value);
            _variance.Update(value);
            _zScore.Update(value);
            _bands.Update(value);
            _highLow.Update(value);
            _vwap.Update(value, volumes[i]);
            _volume.Update(volumes[i]);
            _ema.Update(value);
            _atr.Update(value + 0.5, value - 0.5, value);
            _atr.UpdateClose(value);
            _rsi.Update(value);
            _sessionVwap.Update(value, volumes[i]);
            checksum += _sma.Value + _variance.StdDev + _zScore.Value + _bands.Upper + _highLow.High + _highLow.Low
                + _vwap.Value + _volume.Value + _ema.Value + _atr.Value + _rsi.Value + _sessionVwap.Value;
        }

        return checksum;
    }
}
