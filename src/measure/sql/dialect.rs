//! The one table of what differs between the warehouses `sok measure --sql` writes for.
//!
//! Everything else in the generated program is a small portable subset (CTEs, inner and left
//! equality joins, `CASE`, `COALESCE`, `NULLIF`, `GREATEST`, `LEAST`, `FLOOR`, `TRIM`, `SUM`,
//! `ROW_NUMBER`, `UNION ALL`), checked on real engines. What is here is what a translator
//! gets wrong: epoch seconds, floor division, type names, literals, quoting and inline tables.

/// A warehouse's SQL dialect.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Dialect {
    Postgres,
    Duckdb,
    Bigquery,
    Snowflake,
    Spark,
}

/// The column types of the tables sok writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Type {
    Int,
    Float,
    Text,
    Bool,
}

/// How an inline table of constant rows is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Inline {
    /// `SELECT CAST(a AS …) AS a, … FROM (VALUES (…), (…)) AS t(a, …)`.
    Values,
    /// `SELECT * FROM UNNEST(ARRAY<STRUCT<a INT64, …>>[(…), (…)])` (BigQuery has no VALUES).
    StructArray,
}

/// How a string literal escapes a quote or a backslash.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Escape {
    /// `'it''s'`; a backslash is an ordinary character.
    Doubled,
    /// `'it''s'` and `'a\\b'`: Snowflake reads backslash escapes in single quotes.
    DoubledAndBackslash,
    /// `'it\'s'`, `'a\\b'`.
    Backslash,
}

/// Per dialect: the few spellings that differ.
struct Functions {
    int: &'static str,
    float: &'static str,
    text: &'static str,
    boolean: &'static str,
    /// Whole seconds since the Unix epoch of a timestamp, `{}` standing for it.
    epoch: &'static str,
    quote: char,
    inline: Inline,
    escape: Escape,
    /// Whether a column name is written in upper case inside its quotes, as an unquoted
    /// `CREATE TABLE` stores it (Snowflake).
    upper_names: bool,
}

impl Dialect {
    #[cfg(test)]
    pub(crate) const ALL: [Dialect; 5] = [
        Dialect::Postgres,
        Dialect::Duckdb,
        Dialect::Bigquery,
        Dialect::Snowflake,
        Dialect::Spark,
    ];

    pub(crate) fn name(self) -> &'static str {
        match self {
            Dialect::Postgres => "postgres",
            Dialect::Duckdb => "duckdb",
            Dialect::Bigquery => "bigquery",
            Dialect::Snowflake => "snowflake",
            Dialect::Spark => "spark",
        }
    }

    fn functions(self) -> Functions {
        match self {
            Dialect::Postgres => Functions {
                int: "BIGINT",
                float: "DOUBLE PRECISION",
                text: "TEXT",
                boolean: "BOOLEAN",
                // EXTRACT gives the seconds of a TIMESTAMP WITH TIME ZONE since the epoch,
                // and of a TIMESTAMP read as UTC, as a numeric with the fraction.
                epoch: "CAST(FLOOR(EXTRACT(EPOCH FROM {})) AS BIGINT)",
                quote: '"',
                inline: Inline::Values,
                escape: Escape::Doubled,
                upper_names: false,
            },
            Dialect::Duckdb => Functions {
                int: "BIGINT",
                float: "DOUBLE",
                text: "VARCHAR",
                boolean: "BOOLEAN",
                // Microseconds are exact integers; `/` is float division in DuckDB.
                epoch: "CAST(FLOOR(epoch_us({}) / 1000000.0) AS BIGINT)",
                quote: '"',
                inline: Inline::Values,
                escape: Escape::Doubled,
                upper_names: false,
            },
            Dialect::Bigquery => Functions {
                int: "INT64",
                float: "FLOAT64",
                text: "STRING",
                boolean: "BOOL",
                epoch: "UNIX_SECONDS({})",
                quote: '`',
                inline: Inline::StructArray,
                escape: Escape::Backslash,
                upper_names: false,
            },
            Dialect::Snowflake => Functions {
                int: "BIGINT",
                float: "DOUBLE",
                text: "VARCHAR",
                boolean: "BOOLEAN",
                // For TIMESTAMP_TZ and TIMESTAMP_LTZ the UTC epoch; for TIMESTAMP_NTZ the
                // wall time read as UTC.
                epoch: "CAST(DATE_PART(EPOCH_SECOND, {}) AS BIGINT)",
                quote: '"',
                inline: Inline::Values,
                escape: Escape::DoubledAndBackslash,
                upper_names: true,
            },
            Dialect::Spark => Functions {
                int: "BIGINT",
                float: "DOUBLE",
                text: "STRING",
                boolean: "BOOLEAN",
                // An instant, whatever the session time zone.
                epoch: "UNIX_SECONDS({})",
                quote: '`',
                inline: Inline::Values,
                escape: Escape::Backslash,
                upper_names: false,
            },
        }
    }

    pub(crate) fn type_name(self, ty: Type) -> &'static str {
        let f = self.functions();
        match ty {
            Type::Int => f.int,
            Type::Float => f.float,
            Type::Text => f.text,
            Type::Bool => f.boolean,
        }
    }

    /// `CAST(expr AS type)`.
    pub(crate) fn cast(self, expr: &str, ty: Type) -> String {
        format!("CAST({expr} AS {})", self.type_name(ty))
    }

    /// Whole seconds since the epoch of a timestamp expression (floor, as sok reads it).
    pub(crate) fn epoch_seconds(self, expr: &str) -> String {
        self.functions().epoch.replace("{}", expr)
    }

    /// `floor(expr / divisor)` as an integer, for negative numbers too: integer `/` and
    /// `DIV` truncate in some dialects and are float division in others, so this goes
    /// through a double, exact for any second of the next few thousand years.
    pub(crate) fn floor_div(self, expr: &str, divisor: i64) -> String {
        format!(
            "CAST(FLOOR({} / {divisor}) AS {})",
            self.cast(expr, Type::Float),
            self.type_name(Type::Int)
        )
    }

    /// A column of the user's events table, quoted (`start` and `end` are reserved words in
    /// some dialects).
    pub(crate) fn column(self, name: &str) -> String {
        let f = self.functions();
        let simple = name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
        let name = if f.upper_names && simple {
            name.to_ascii_uppercase()
        } else {
            name.to_string()
        };
        let q = f.quote;
        let doubled = format!("{q}{q}");
        format!("{q}{}{q}", name.replace(q, &doubled))
    }

    pub(crate) fn string(self, text: &str) -> String {
        let mut out = String::with_capacity(text.len() + 2);
        out.push('\'');
        for c in text.chars() {
            match (c, self.functions().escape) {
                ('\'', Escape::Backslash) => out.push_str("\\'"),
                ('\'', _) => out.push_str("''"),
                ('\\', Escape::Backslash | Escape::DoubledAndBackslash) => out.push_str("\\\\"),
                _ => out.push(c),
            }
        }
        out.push('\'');
        out
    }

    pub(crate) fn boolean(self, value: bool) -> &'static str {
        if value { "TRUE" } else { "FALSE" }
    }

    /// A table of constant rows, as the body of a CTE (`name AS (…)`). Values are already
    /// literals; the columns are cast to their types once, so that every engine reads a
    /// number as the same double and an empty table still has typed columns.
    pub(crate) fn inline_table(
        self,
        name: &str,
        columns: &[(&str, Type)],
        rows: &[Vec<String>],
    ) -> String {
        let casts = || {
            columns
                .iter()
                .map(|(c, ty)| format!("{} AS {c}", self.cast(c, *ty)))
                .collect::<Vec<_>>()
                .join(", ")
        };
        if rows.is_empty() {
            let nulls = columns
                .iter()
                .map(|(c, ty)| format!("{} AS {c}", self.cast("NULL", *ty)))
                .collect::<Vec<_>>()
                .join(", ");
            return format!(
                "{name} AS (\n  SELECT {nulls}\n  FROM (SELECT 1 AS one) AS {name}_none\n  WHERE 1 = 0\n)"
            );
        }
        let tuples = rows
            .iter()
            .map(|r| format!("    ({})", r.join(", ")))
            .collect::<Vec<_>>()
            .join(",\n");
        match self.functions().inline {
            Inline::Values => {
                let names = columns
                    .iter()
                    .map(|(c, _)| *c)
                    .collect::<Vec<_>>()
                    .join(", ");
                format!(
                    "{name} AS (\n  SELECT {}\n  FROM (VALUES\n{tuples}\n  ) AS {name}_rows({names})\n)",
                    casts()
                )
            }
            // `(x)` is a parenthesised value, not a struct of one field: a table of one
            // column is an array of its values.
            Inline::StructArray if columns.len() == 1 => {
                let (c, ty) = columns[0];
                let values = rows
                    .iter()
                    .map(|r| format!("    {}", r[0]))
                    .collect::<Vec<_>>()
                    .join(",\n");
                format!(
                    "{name} AS (\n  SELECT {c}\n  FROM UNNEST(ARRAY<{}>[\n{values}\n  ]) AS {c}\n)",
                    self.type_name(ty)
                )
            }
            Inline::StructArray => {
                let fields = columns
                    .iter()
                    .map(|(c, ty)| format!("{c} {}", self.type_name(*ty)))
                    .collect::<Vec<_>>()
                    .join(", ");
                format!(
                    "{name} AS (\n  SELECT *\n  FROM UNNEST(ARRAY<STRUCT<{fields}>>[\n{tuples}\n  ])\n)"
                )
            }
        }
    }
}

/// A number as a literal that reads back as the same double: integers plainly, the rest in
/// Rust's shortest round-trip decimal form (never an exponent).
pub(crate) fn number(value: f64) -> String {
    crate::values::format_number(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_escape_per_dialect() {
        assert_eq!(Dialect::Postgres.string(r"it's a\b"), r"'it''s a\b'");
        assert_eq!(Dialect::Snowflake.string(r"it's a\b"), r"'it''s a\\b'");
        assert_eq!(Dialect::Bigquery.string(r"it's a\b"), r"'it\'s a\\b'");
        assert_eq!(Dialect::Spark.string(r"it's a\b"), r"'it\'s a\\b'");
    }

    #[test]
    fn columns_are_quoted_and_snowflake_names_upper_cased() {
        assert_eq!(Dialect::Postgres.column("end"), "\"end\"");
        assert_eq!(Dialect::Bigquery.column("start"), "`start`");
        assert_eq!(Dialect::Snowflake.column("start"), "\"START\"");
        assert_eq!(Dialect::Snowflake.column("Created at"), "\"Created at\"");
        assert_eq!(Dialect::Spark.column("a`b"), "`a``b`");
    }

    #[test]
    fn numbers_read_back_exactly() {
        for n in [0.0, 80.0, 99.5, 0.1, 1e-7, 120.0, 2.5e9] {
            assert_eq!(number(n).parse::<f64>().unwrap(), n);
            assert!(!number(n).contains('e'));
        }
    }
}
