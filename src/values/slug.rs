//! ASCII slugs for ids derived from text (terms, principles without an `id`).
//!
//! FORMAT.md §7 fixes the transliteration of Polish, Slovenian and Cyrillic letters
//! ("Тайный покупатель" → `tainyi-pokupatel`); Russian follows the ICAO passport table.
//! Other scripts fall back to `deunicode`.

/// Lowercase ASCII slug: letters transliterated, every run of other characters one `-`.
pub fn slugify(text: &str) -> String {
    let mut ascii = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        match transliterate(c) {
            Some(latin) => ascii.push_str(latin),
            None if c.is_ascii() => ascii.push(c),
            None => ascii.push_str(&deunicode::deunicode_char(c).unwrap_or("-").to_lowercase()),
        }
    }
    let mut slug = String::with_capacity(ascii.len());
    for c in ascii.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    while slug.ends_with('-') {
        slug.pop();
    }
    slug
}

fn transliterate(c: char) -> Option<&'static str> {
    Some(match c {
        'ą' => "a",
        'ć' | 'č' => "c",
        'ę' => "e",
        'ł' => "l",
        'ń' => "n",
        'ó' => "o",
        'ś' | 'š' => "s",
        'ź' | 'ż' | 'ž' => "z",
        'đ' => "d",
        'а' => "a",
        'б' => "b",
        'в' => "v",
        'г' => "g",
        'д' => "d",
        'е' | 'ё' | 'э' => "e",
        'ж' => "zh",
        'з' => "z",
        'и' | 'й' => "i",
        'к' => "k",
        'л' => "l",
        'м' => "m",
        'н' => "n",
        'о' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'у' => "u",
        'ф' => "f",
        'х' => "kh",
        'ц' => "ts",
        'ч' => "ch",
        'ш' => "sh",
        'щ' => "shch",
        'ъ' => "ie",
        'ы' => "y",
        'ь' => "",
        'ю' => "iu",
        'я' => "ia",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn follows_the_spec() {
        assert_eq!(slugify("Тайный покупатель"), "tainyi-pokupatel");
        assert_eq!(slugify("Świadomość"), "swiadomosc");
        assert_eq!(slugify("Źdźbło ŻÓŁW"), "zdzblo-zolw");
        assert_eq!(slugify("Čas odziva — šef"), "cas-odziva-sef");
        assert_eq!(
            slugify("  NPS (Net Promoter Score)! "),
            "nps-net-promoter-score"
        );
        assert_eq!(slugify("Трейд-ин"), "treid-in");
        assert_eq!(slugify("Straße"), "strasse");
        assert_eq!(slugify("!!!"), "");
    }
}
