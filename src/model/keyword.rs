//! Enums whose values are fixed words in the sources.

/// An enum whose values are written as fixed words in the sources (`channel = "phone"`):
/// the one place that spells them, for the parser, the renderer and the diff.
macro_rules! keyword_enum {
    ($(#[$doc:meta])* $name:ident { $($variant:ident = $word:literal),* $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name {
            $($variant),*
        }

        impl $name {
            /// Every value with its word, in the order help lines list them.
            pub const KEYWORDS: &'static [(&'static str, $name)] = &[$(($word, $name::$variant)),*];

            /// Every word, in the same order.
            pub const WORDS: &'static [&'static str] = &[$($word),*];

            /// The word the sources use for this value.
            pub fn keyword(self) -> &'static str {
                match self {
                    $($name::$variant => $word),*
                }
            }
        }
    };
}
