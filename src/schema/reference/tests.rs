//! The reference's promises: every table has its section, every key an example that is
//! TOML, and the page names every key with its default.

use super::*;

/// Every table a field can hold is a section, and every section is reachable.
#[test]
fn every_table_has_its_section() {
    let mut tables: Vec<&'static [Field]> = vec![fields::SETTINGS];
    while let Some(table) = tables.pop() {
        for field in table {
            if let Type::Table(inner) | Type::Tables(inner) = field.ty {
                assert!(
                    section_of(inner).is_some(),
                    "no section for `{}`",
                    field.key
                );
                tables.push(inner);
            }
        }
    }
    for kind in Kind::ALL {
        assert!(section_of(fields::of(kind)).is_some(), "{}", kind.name());
    }
    assert!(section_of(fields::EVENT_COLUMNS).is_some());
    assert!(section_of(fields::LINT_PARAMETERS).is_some());
}

/// Free text has no example its type could give, so each such field writes its own.
#[test]
fn every_key_has_an_example() {
    for section in SECTIONS {
        for field in section.fields {
            let example = example(field, section.id_example);
            assert!(
                !example.contains('…') && example != "id = \"\"",
                "`{}` of {} needs `.example(...)`",
                field.key,
                section.title
            );
        }
    }
}

#[test]
fn examples_are_toml_where_they_are_values() {
    for section in SECTIONS {
        for field in section.fields {
            let line = example(field, section.id_example);
            if line.starts_with('[') {
                continue;
            }
            assert!(
                toml::from_str::<toml::Table>(&line).is_ok(),
                "{}: `{line}`",
                section.title
            );
        }
    }
}

#[test]
fn reference_names_every_key_and_default() {
    let text = format_reference();
    for section in SECTIONS {
        assert!(text.contains(&format!("\n### {}\n", section.title)));
        for field in section.fields {
            assert!(text.contains(&format!("| `{}` |", field.key)));
        }
    }
    assert!(text.contains("| `share` | percent | no | 0 to 100, without `%` | `100` |"));
    assert!(text.contains("`\"phone\"`, `\"email\"`"), "channel words");
}
