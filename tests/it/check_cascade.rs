//! One mistake, one error: entities whose file fails to load, or that sit under a misnamed
//! `[[kind]]`, are still known by id, so references to them are not reported again.

use crate::common::{check, write_files};

#[test]
fn a_broken_file_and_a_misnamed_array_give_one_error_each() {
    let temp = tempfile::tempdir().unwrap();
    write_files(
        temp.path(),
        &[
            ("sok.toml", b"[handbook]\ntitle = \"T\"\nlanguage = \"en\"\nversion = \"1.0.0\"\nowner = \"lead\"\n"),
            ("owners.toml", b"[[owners]]\nid = \"lead\"\nname = \"Lead\"\n"),
            ("standards/phone.md", b"+++\ntitle = \"Answer\nowner = \"lead\"\n+++\nBody\n"),
            ("situations/rude.md", b"no front matter\n"),
            ("situations/late.md", b"+++\nname = \"Late\"\nowner = \"lead\"\nrespond_within = \"1 h\"\n+++\n"),
            (
                "journeys/j.toml",
                b"name = \"J\"\n[[step]]\nid = \"a\"\nname = \"A\"\nstage = \"decision\"\nowner = \"lead\"\nstandards = [\"phone\"]\n",
            ),
            (
                "standards/other.toml",
                b"title = \"Other\"\nowner = \"lead\"\nsituations = [\"rude\", \"late\"]\nsteps = [\"j/a\"]\n",
            ),
        ],
    );
    let report = check(temp.path());
    assert_eq!(
        report.codes(),
        [
            "sok::schema::unknown_kind",
            "sok::parse::front_matter",
            "sok::parse::toml",
        ],
        "{}",
        report.human()
    );
}

#[test]
fn references_to_ids_that_never_existed_are_still_reported() {
    let temp = tempfile::tempdir().unwrap();
    write_files(
        temp.path(),
        &[
            (
                "sok.toml",
                b"[handbook]\ntitle = \"T\"\nlanguage = \"en\"\nversion = \"1.0.0\"\n",
            ),
            (
                "owners.toml",
                b"[[owner]]\nid = \"lead\"\nname = \"Lead\"\n",
            ),
            ("standards/broken.md", b"+++\ntitle = \n+++\n"),
            (
                "standards/other.toml",
                b"title = \"Other\"\nowner = \"leed\"\n",
            ),
        ],
    );
    let report = check(temp.path());
    assert_eq!(
        report.codes(),
        ["sok::parse::toml", "sok::ref::unknown"],
        "{}",
        report.human()
    );
}
