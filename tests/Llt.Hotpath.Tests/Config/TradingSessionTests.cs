using Llt.Hotpath.Config;

namespace Llt.Hotpath.Tests.Config;

/// <summary>Market hours of a feed (feeds[].session): parsing, refusals, and where an instant falls across weekends and DST.</summary>
public sealed class TradingSessionTests
{
    private static long Utc(int year, int month, int day, int hour, int minute) =>
        (new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Utc) - DateTime.UnixEpoch).Ticks * 100;

    private static TradingSession NewYork(string days = "Mon-Fri", string open = "09:30", string close = "16:00") =>
        EngineConfigLoader.Parse($$"""
            { "feeds": [ { "name": "a", "id": 1, "session": { "open": "{{open}}", "close": "{{close}}", "timeZone": "America/New_York", "days": "{{days}}" } } ] }
            """).Feeds[0].Session!;

    [Fact]
    public void Session_IsParsed()
    {
        TradingSession session = NewYork();

        Assert.Equal(new TimeOnly(9, 30), session.Open);
        Assert.Equal(new TimeOnly(16, 0), session.Close);
        Assert.Equal("America/New_York", session.TimeZone.Id);
        Assert.True(session.OpensOn(DayOfWeek.Monday));
        Assert.True(session.OpensOn(DayOfWeek.Friday));
        Assert.False(session.OpensOn(DayOfWeek.Saturday));
        Assert.False(session.OpensOn(DayOfWeek.Sunday));
    }

    [Fact]
    public void DaysDefaultToMondayToFriday_AndRangesWrap()
    {
        TradingSession weekdays = EngineConfigLoader.Parse("""
            { "feeds": [ { "name": "a", "id": 1, "session": { "open": "09:30", "close": "16:00", "timeZone": "UTC" } } ] }
            """).Feeds[0].Session!;
        Assert.Equal(TradingSession.MondayToFriday, weekdays.Days);

        Assert.True(TradingSession.TryParseDays("Sun-Thu", out int sunThu, out _));
        Assert.Equal(0b001_1111, sunThu);
        Assert.True(TradingSession.TryParseDays("Fri-Mon", out int friMon, out _));
        Assert.Equal(0b110_0011, friMon);
        Assert.True(TradingSession.TryParseDays("mon, Wed,FRI", out int mwf, out _));
        Assert.Equal(0b010_1010, mwf);
    }

    [Fact]
    public void InsideTheSession_ItIsOpen_UntilTheClose()
    {
        // Tue 2026-11-24 15:00 UTC = 10:00 EST
        NewYork().Locate(Utc(2026, 11, 24, 15, 0), out bool open, out long opened, out long next);

        Assert.True(open);
        Assert.Equal(Utc(2026, 11, 24, 14, 30), opened);
        Assert.Equal(Utc(2026, 11, 24, 21, 0), next);
    }

    [Fact]
    public void AfterFridaysClose_TheNextChangeIsMondaysOpen()
    {
        // Fri 2026-11-27 21:00 UTC = 16:00 EST: closed, through the weekend
        NewYork().Locate(Utc(2026, 11, 27, 21, 0), out bool open, out _, out long next);

        Assert.False(open);
        Assert.Equal(Utc(2026, 11, 30, 14, 30), next);

        NewYork().Locate(Utc(2026, 11, 29, 15, 0), out bool sunday, out _, out long fromSunday);
        Assert.False(sunday);
        Assert.Equal(Utc(2026, 11, 30, 14, 30), fromSunday);
    }

    [Fact]
    public void AcrossTheSpringDstChange_TheOpenMovesAnHourEarlierInUtc()
    {
        // US DST starts Sun 2026-03-08: Friday opens 14:30 UTC (EST), Monday 13:30 UTC (EDT)
        TradingSession session = NewYork();
        session.Locate(Utc(2026, 3, 6, 14, 0), out bool fridayEarly, out _, out long fridayOpen);
        session.Locate(Utc(2026, 3, 6, 21, 30), out bool fridayLate, out _, out long mondayOpen);
        session.Locate(Utc(2026, 3, 9, 19, 30), out bool mondayAfternoon, out _, out long mondayClose);

        Assert.False(fridayEarly);
        Assert.Equal(Utc(2026, 3, 6, 14, 30), fridayOpen);
        Assert.False(fridayLate);
        Assert.Equal(Utc(2026, 3, 9, 13, 30), mondayOpen);
        Assert.True(mondayAfternoon);
        Assert.Equal(Utc(2026, 3, 9, 20, 0), mondayClose);
    }

    [Fact]
    public void AnOvernightSession_ClosesTheNextDay_AndATimeTheClockSkipsIsStillAnOpen()
    {
        // Sun-Thu 18:00 → next day 17:00 New York (a futures week); 2026-03-08 is the spring-forward Sunday
        TradingSession session = NewYork(days: "Sun-Thu", open: "18:00", close: "17:00");
        session.Locate(Utc(2026, 3, 9, 3, 0), out bool sundayNight, out long opened, out long closes);

        Assert.True(sundayNight);
        Assert.Equal(Utc(2026, 3, 8, 22, 0), opened); // 18:00 EDT
        Assert.Equal(Utc(2026, 3, 9, 21, 0), closes); // Monday 17:00 EDT

        // 02:30 does not exist on 2026-03-08 in New York: read with the offset before the jump (EST), i.e. 03:30 EDT
        TradingSession skipped = NewYork(days: "Sun", open: "02:30", close: "04:00");
        skipped.Locate(Utc(2026, 3, 8, 0, 0), out _, out _, out long opensAt);
        Assert.Equal(Utc(2026, 3, 8, 7, 30), opensAt);
    }

    [Theory]
    [InlineData("""{ "open": "9:30am", "close": "16:00", "timeZone": "UTC" }""", "feeds[0].session.open")]
    [InlineData("""{ "open": "09:30", "close": "24:00", "timeZone": "UTC" }""", "feeds[0].session.close")]
    [InlineData("""{ "open": "09:30", "close": "09:30", "timeZone": "UTC" }""", "feeds[0].session.close")]
    [InlineData("""{ "close": "16:00", "timeZone": "UTC" }""", "feeds[0].session.open")]
    [InlineData("""{ "open": "09:30", "timeZone": "UTC" }""", "feeds[0].session.close")]
    [InlineData("""{ "open": "09:30", "close": "16:00" }""", "feeds[0].session.timeZone")]
    [InlineData("""{ "open": "09:30", "close": "16:00", "timeZone": "America/Gotham" }""", "feeds[0].session.timeZone")]
    [InlineData("""{ "open": "09:30", "close": "16:00", "timeZone": "" }""", "feeds[0].session.timeZone")]
    [InlineData("""{ "open": "09:30", "close": "16:00", "timeZone": "UTC", "days": "Weekdays" }""", "feeds[0].session.days")]
    [InlineData("""{ "open": "09:30", "close": "16:00", "timeZone": "UTC", "days": "Mon-Fry" }""", "feeds[0].session.days")]
    [InlineData("""{ "open": "09:30", "close": "16:00", "timeZone": "UTC", "days": "" }""", "feeds[0].session.days")]
    [InlineData("""{ "open": "09:30", "close": "16:00", "timeZone": "UTC", "holidays": [] }""", "feeds[0].session.holidays")]
    [InlineData("\"09:30-16:00\"", "feeds[0].session")]
    public void BadSession_RefusesToStart_NamingTheKey(string session, string key)
    {
        var e = Assert.Throws<ConfigException>(() => EngineConfigLoader.Parse($$"""{ "feeds": [ { "name": "a", "id": 1, "session": {{session}} } ] }"""));
        Assert.Equal(key, e.Key);
    }
}
