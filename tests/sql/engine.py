"""Runs sok's SQL programs on a real engine over one events file, for tests/it/measure_sql.rs.

    engine.py ENGINE EVENTS.csv PROGRAM.sql=OUT.json [PROGRAM.sql=OUT.json ...]

ENGINE is postgres (a throwaway cluster on a Unix socket in a temporary folder, as the
user `nobody` when run as root, since initdb refuses root), duckdb, spark (local mode) or
bigquery / snowflake, which cannot be reached from here: their programs are parsed with
sqlglot in that dialect instead, and sqlglot's translation into DuckDB's dialect is run on
DuckDB (OUT.json.duckdb.sql), which checks what the program computes as written for that
dialect, though not the warehouse's own reading of its functions.

EVENTS.csv has a header with the columns of FORMAT.md section 8, timestamps in UTC
(`2026-10-01T07:00:03Z`) and empty cells for none. It is loaded as the table `events` with
TIMESTAMP WITH TIME ZONE (Spark: TIMESTAMP, an instant) columns. Each program's rows are
written as a JSON list of objects, the column names as keys.
"""

import glob
import json
import os
import pwd
import shutil
import subprocess
import sys
import tempfile

COLUMNS = [
    ("id", "text"),
    ("metric", "text"),
    ("touchpoint", "text"),
    ("start", "timestamp"),
    ("end", "timestamp"),
    ("value", "double"),
    ("abandoned", "timestamp"),
    ("agent", "text"),
    ("team", "text"),
]


def header(path):
    with open(path, encoding="utf-8") as f:
        names = f.readline().strip().split(",")
    expected = [c for c, _ in COLUMNS]
    if names != expected:
        sys.exit(f"engine.py: {path} must have the columns {','.join(expected)}, not {','.join(names)}")


def statement(path):
    with open(path, encoding="utf-8") as f:
        sql = f.read().strip()
    return sql[:-1] if sql.endswith(";") else sql


def postgres(events, programs):
    bins = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    if not bins:
        sys.exit("engine.py: no PostgreSQL server (apt-get install postgresql)")
    bindir = os.path.dirname(bins[-1])
    work = tempfile.mkdtemp(prefix="sok-pg-")
    data, sock = os.path.join(work, "data"), os.path.join(work, "socket")
    os.makedirs(sock)
    prefix = []
    if os.getuid() == 0:
        user = pwd.getpwnam("nobody")
        for p in (work, sock):
            os.chown(p, user.pw_uid, user.pw_gid)
        os.chmod(work, 0o755)
        prefix = ["runuser", "-u", "nobody", "--"]
    env = dict(os.environ, LC_ALL="C", TZ="UTC")
    run = lambda cmd, **kw: subprocess.run(prefix + cmd, check=True, env=env, cwd=work, **kw)
    run([f"{bindir}/initdb", "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8",
         "--locale=C"], stdout=subprocess.DEVNULL)
    run([f"{bindir}/pg_ctl", "-D", data, "-w", "-s", "-l", os.path.join(work, "log"),
         "-o", f"-k {sock} -c listen_addresses='' -c fsync=off -c timezone=UTC", "start"])
    try:
        psql = [f"{bindir}/psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", sock,
                "-U", "postgres", "-d", "postgres", "-At"]
        types = {"text": "TEXT", "timestamp": "TIMESTAMP WITH TIME ZONE", "double": "DOUBLE PRECISION"}
        create = "CREATE TABLE events (%s);" % ", ".join(f'"{c}" {types[t]}' for c, t in COLUMNS)
        load = f"\\copy events FROM '{os.path.abspath(events)}' WITH (FORMAT csv, HEADER true)"
        subprocess.run(psql, input=f"{create}\n{load}\n", text=True, check=True, env=env)
        for program, out in programs:
            query = f"SELECT COALESCE(json_agg(r), '[]') FROM (\n{statement(program)}\n) AS r;\n"
            done = subprocess.run(psql, input=query, text=True, check=True, env=env,
                                  capture_output=True)
            write(out, json.loads(done.stdout))
    finally:
        run([f"{bindir}/pg_ctl", "-D", data, "-w", "-s", "-m", "immediate", "stop"])
        shutil.rmtree(work, ignore_errors=True)


def duckdb(events, programs):
    import duckdb as db

    con = db.connect()
    con.execute("SET TimeZone = 'UTC'")
    types = {"text": "VARCHAR", "timestamp": "TIMESTAMPTZ", "double": "DOUBLE"}
    con.execute("CREATE TABLE events (%s)" % ", ".join(f'"{c}" {types[t]}' for c, t in COLUMNS))
    con.execute("INSERT INTO events SELECT * FROM read_csv(?, header = true, columns = %s)"
                % {c: types[t] for c, t in COLUMNS}, [events])
    for program, out in programs:
        cur = con.execute(statement(program))
        names = [d[0] for d in cur.description]
        write(out, [dict(zip(names, row)) for row in cur.fetchall()])


def spark(events, programs):
    from pyspark.sql import SparkSession

    session = (SparkSession.builder.master("local[2]").appName("sok-measure-sql")
               .config("spark.ui.enabled", "false")
               .config("spark.ui.showConsoleProgress", "false")
               .config("spark.sql.session.timeZone", "UTC")
               .config("spark.sql.shuffle.partitions", "2")
               .config("spark.driver.memory", "1g")
               .getOrCreate())
    session.sparkContext.setLogLevel("ERROR")
    try:
        types = {"text": "STRING", "timestamp": "TIMESTAMP", "double": "DOUBLE"}
        schema = ", ".join(f"`{c}` {types[t]}" for c, t in COLUMNS)
        frame = session.read.csv(events, header=True, schema=schema, mode="FAILFAST")
        frame.createOrReplaceTempView("events")
        for program, out in programs:
            rows = session.sql(statement(program)).collect()
            write(out, [row.asDict() for row in rows])
    finally:
        session.stop()


def parse(dialect, events, programs):
    """Parses each program in `dialect`, then runs sqlglot's translation of it on DuckDB:
    a check of the program's logic as written for that dialect, not of the warehouse."""
    import sqlglot

    translated = []
    for program, out in programs:
        with open(program, encoding="utf-8") as f:
            tree = sqlglot.parse(f.read(), read=dialect, error_level=sqlglot.ErrorLevel.RAISE)
        statements = [t for t in tree if t is not None]
        if len(statements) != 1 or statements[0].key != "select":
            sys.exit(f"engine.py: {program} is not one SELECT in {dialect}")
        duck = out + ".duckdb.sql"
        with open(duck, "w", encoding="utf-8") as f:
            f.write(statements[0].sql(dialect="duckdb"))
        translated.append((duck, out))
    duckdb(events, translated)


def write(path, rows):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(rows, f, indent=1, default=str)


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    engine, events = sys.argv[1], sys.argv[2]
    programs = [tuple(arg.split("=", 1)) for arg in sys.argv[3:]]
    header(events)
    if engine == "postgres":
        postgres(events, programs)
    elif engine == "duckdb":
        duckdb(events, programs)
    elif engine == "spark":
        spark(events, programs)
    elif engine in ("bigquery", "snowflake"):
        parse(engine, events, programs)
    else:
        sys.exit(f"engine.py: unknown engine {engine}")


if __name__ == "__main__":
    main()
