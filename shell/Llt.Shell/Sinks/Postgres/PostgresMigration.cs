namespace Llt.Shell.Sinks.Postgres;

/// <summary>
/// One step of the sink's database schema. <see cref="Sql"/> names the target schema as <c>{schema}</c>; the
/// migrator substitutes the quoted schema name. Applied once, in version order, recorded in schema_migrations.
/// </summary>
public sealed record PostgresMigration(int Version, string Name, string Sql);
