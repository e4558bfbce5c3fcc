//! Text columns read from their pages, without the `parquet` crate's value decoders: those
//! hand out every value as a slice of the page with a reference count to take and give back,
//! and a dictionary-encoded column (how warehouses write metric, touchpoint, agent, team)
//! repeats the same few texts. Here a dictionary page is kept whole and a row is its index
//! in it, so that typing gives each distinct text its meaning once per chunk, not once per
//! row; plain pages (ids, or a column whose dictionary grew too large) are copied out value
//! by value as before. Only the encodings this reads are taken (`readable`); any other
//! column chunk goes through the crate's reader.

use std::sync::Arc;

use bytes::Bytes;
use parquet::basic::Encoding;
use parquet::column::page::{Page, PageReader};
use parquet::errors::{ParquetError, Result};

use super::{Decoded, Values};

/// The texts of a column chunk's dictionary page, one after another.
#[derive(Debug)]
pub(super) struct Dictionary {
    bytes: Vec<u8>,
    ends: Vec<usize>,
}

impl Dictionary {
    pub(super) fn len(&self) -> usize {
        self.ends.len()
    }

    pub(super) fn get(&self, key: usize) -> &[u8] {
        let start = if key == 0 { 0 } else { self.ends[key - 1] };
        &self.bytes[start..self.ends[key]]
    }
}

/// Whether a column chunk written with these encodings can be read here: plain or
/// dictionary values, levels in the RLE hybrid.
pub(super) fn readable(encodings: impl Iterator<Item = Encoding>) -> bool {
    let mut any = false;
    for encoding in encodings {
        any = true;
        if !matches!(
            encoding,
            Encoding::PLAIN | Encoding::PLAIN_DICTIONARY | Encoding::RLE_DICTIONARY | Encoding::RLE
        ) {
            return false;
        }
    }
    any
}

/// The values of one data page not yet handed on.
struct Current {
    /// Definition levels of the page's rows from `row` on (empty for a required column).
    defs: Vec<i16>,
    rows: usize,
    row: usize,
    values: PageValues,
    /// The next value of the page.
    value: usize,
}

enum PageValues {
    Keys(Vec<u32>),
    /// Ranges of the page's buffer.
    Plain(Bytes, Vec<(usize, usize)>),
}

/// Reads one BYTE_ARRAY column chunk of a row group, a run of rows at a time.
pub(super) struct TextPages {
    pages: Box<dyn PageReader>,
    max_def: i16,
    dictionary: Option<Arc<Dictionary>>,
    current: Option<Current>,
}

impl TextPages {
    pub(super) fn new(pages: Box<dyn PageReader>, max_def: i16) -> TextPages {
        TextPages {
            pages,
            max_def,
            dictionary: None,
            current: None,
        }
    }

    /// Up to `rows` rows; the number read (fewer only at the end of the column chunk).
    pub(super) fn read(&mut self, rows: usize) -> Result<(Decoded, usize)> {
        let mut defs = Vec::new();
        let mut keys: Vec<u32> = Vec::new();
        let mut bytes: Vec<u8> = Vec::new();
        let mut ends: Vec<usize> = Vec::new();
        // Dictionary keys until a plain page: then what was read so far is written out as
        // text, and the chunk is plain text.
        let mut plain = false;
        let mut read = 0;
        while read < rows {
            if self.current.as_ref().is_none_or(|c| c.row == c.rows) && !self.next_page()? {
                break;
            }
            let current = self.current.as_mut().expect("a page is open");
            let n = (rows - read).min(current.rows - current.row);
            let present = if self.max_def > 0 {
                let levels = &current.defs[current.row..current.row + n];
                defs.extend_from_slice(levels);
                levels.iter().filter(|&&d| d == self.max_def).count()
            } else {
                n
            };
            let values = current.value..current.value + present;
            match &current.values {
                PageValues::Keys(page) => {
                    let page = page.get(values).ok_or_else(|| eof("dictionary keys"))?;
                    if plain {
                        let dictionary = self.dictionary.as_deref().expect("keys need one");
                        for &key in page {
                            bytes.extend_from_slice(dictionary.get(key as usize));
                            ends.push(bytes.len());
                        }
                    } else {
                        keys.extend_from_slice(page);
                    }
                }
                PageValues::Plain(buf, ranges) => {
                    if !plain {
                        plain = true;
                        if let Some(dictionary) = self.dictionary.as_deref() {
                            for &key in &keys {
                                bytes.extend_from_slice(dictionary.get(key as usize));
                                ends.push(bytes.len());
                            }
                        }
                        keys = Vec::new();
                    }
                    let ranges = ranges.get(values).ok_or_else(|| eof("values"))?;
                    for &(start, end) in ranges {
                        bytes.extend_from_slice(&buf[start..end]);
                        ends.push(bytes.len());
                    }
                }
            }
            current.row += n;
            current.value += present;
            read += n;
        }
        let values = match (&self.dictionary, plain) {
            (Some(dictionary), false) => Values::Keys {
                dictionary: dictionary.clone(),
                keys,
            },
            _ => Values::Bytes { bytes, ends },
        };
        Ok((Decoded { values, defs }, read))
    }

    /// Opens the next data page (reading a dictionary page before it); `false` at the end.
    fn next_page(&mut self) -> Result<bool> {
        loop {
            let Some(page) = self.pages.get_next_page()? else {
                self.current = None;
                return Ok(false);
            };
            let (buf, rows, encoding, levels) = match page {
                Page::DictionaryPage {
                    buf, num_values, ..
                } => {
                    let ranges = plain_values(&buf, num_values as usize)?;
                    let mut bytes = Vec::with_capacity(buf.len());
                    let mut ends = Vec::with_capacity(ranges.len());
                    for (start, end) in ranges {
                        bytes.extend_from_slice(&buf[start..end]);
                        ends.push(bytes.len());
                    }
                    self.dictionary = Some(Arc::new(Dictionary { bytes, ends }));
                    continue;
                }
                Page::DataPage {
                    buf,
                    num_values,
                    encoding,
                    def_level_encoding,
                    ..
                } => {
                    if self.max_def > 0 && def_level_encoding != Encoding::RLE {
                        return Err(unsupported(def_level_encoding));
                    }
                    // Levels with their length first.
                    let (levels, rest) = if self.max_def > 0 {
                        let length = buf.get(..4).ok_or_else(|| eof("levels"))?;
                        let length = u32::from_le_bytes(length.try_into().expect("4 bytes"));
                        let end = 4 + length as usize;
                        (buf.get(4..end).ok_or_else(|| eof("levels"))?, end)
                    } else {
                        (&[][..], 0)
                    };
                    let levels = levels.to_vec();
                    (buf.slice(rest..), num_values as usize, encoding, levels)
                }
                Page::DataPageV2 {
                    buf,
                    num_values,
                    encoding,
                    def_levels_byte_len,
                    rep_levels_byte_len,
                    ..
                } => {
                    let start = rep_levels_byte_len as usize;
                    let end = start + def_levels_byte_len as usize;
                    let levels = buf.get(start..end).ok_or_else(|| eof("levels"))?.to_vec();
                    (buf.slice(end..), num_values as usize, encoding, levels)
                }
            };
            let defs = if self.max_def > 0 {
                let width = 16 - (self.max_def as u16).leading_zeros();
                hybrid(&levels, width, rows)?
                    .into_iter()
                    .map(|d| d as i16)
                    .collect()
            } else {
                Vec::new()
            };
            let present = if self.max_def > 0 {
                defs.iter().filter(|&&d| d == self.max_def).count()
            } else {
                rows
            };
            let values = match encoding {
                Encoding::PLAIN_DICTIONARY | Encoding::RLE_DICTIONARY => {
                    let dictionary = self.dictionary.as_deref().ok_or_else(|| {
                        ParquetError::General("a dictionary page is missing".into())
                    })?;
                    let (&width, keys) = buf.split_first().unwrap_or((&0, &[]));
                    let keys = if present == 0 {
                        Vec::new()
                    } else {
                        hybrid(keys, u32::from(width), present)?
                    };
                    if keys.iter().any(|&k| k as usize >= dictionary.len()) {
                        return Err(ParquetError::General(
                            "a dictionary key is out of range".into(),
                        ));
                    }
                    PageValues::Keys(keys)
                }
                Encoding::PLAIN => {
                    let ranges = plain_values(&buf, present)?;
                    PageValues::Plain(buf, ranges)
                }
                other => return Err(unsupported(other)),
            };
            self.current = Some(Current {
                defs,
                rows,
                row: 0,
                values,
                value: 0,
            });
            if rows > 0 {
                return Ok(true);
            }
        }
    }
}

fn eof(what: &str) -> ParquetError {
    ParquetError::EOF(format!("a page ends before its {what}"))
}

fn unsupported(encoding: Encoding) -> ParquetError {
    ParquetError::NYI(format!("text pages encoded {encoding}"))
}

/// The ranges of `n` plain BYTE_ARRAY values: each a 4-byte little-endian length, then the
/// bytes.
fn plain_values(buf: &[u8], n: usize) -> Result<Vec<(usize, usize)>> {
    let mut ranges = Vec::with_capacity(n);
    let mut at = 0;
    for _ in 0..n {
        let length = buf.get(at..at + 4).ok_or_else(|| eof("values"))?;
        let length = u32::from_le_bytes(length.try_into().expect("4 bytes")) as usize;
        let start = at + 4;
        let end = start + length;
        if end > buf.len() {
            return Err(eof("values"));
        }
        ranges.push((start, end));
        at = end;
    }
    Ok(ranges)
}

/// `n` values of the RLE / bit-packing hybrid of Parquet's levels and dictionary keys: runs
/// of one repeated value, and groups of eight values of `width` bits packed from the lowest
/// bit, each run after a ULEB128 header whose lowest bit says which.
fn hybrid(data: &[u8], width: u32, n: usize) -> Result<Vec<u32>> {
    if width > 32 {
        return Err(ParquetError::General(format!("a bit width of {width}")));
    }
    let mut out = Vec::with_capacity(n);
    let mut at = 0;
    let bytes = width.div_ceil(8) as usize;
    while out.len() < n {
        let mut header: u64 = 0;
        let mut shift = 0;
        loop {
            let &byte = data.get(at).ok_or_else(|| eof("levels or keys"))?;
            at += 1;
            header |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                break;
            }
            shift += 7;
            if shift > 63 {
                return Err(eof("levels or keys"));
            }
        }
        if header & 1 == 0 {
            let count = (header >> 1) as usize;
            let raw = data
                .get(at..at + bytes)
                .ok_or_else(|| eof("levels or keys"))?;
            at += bytes;
            let mut value = 0u32;
            for (i, &b) in raw.iter().enumerate() {
                value |= u32::from(b) << (8 * i);
            }
            let count = count.min(n - out.len());
            out.extend(std::iter::repeat_n(value, count));
        } else {
            let groups = (header >> 1) as usize;
            let length = groups * width as usize;
            // The last group of a page may be cut short.
            let packed = &data[at.min(data.len())..(at + length).min(data.len())];
            at += length;
            let count = (groups * 8).min(n - out.len());
            if width == 0 {
                out.extend(std::iter::repeat_n(0, count));
                continue;
            }
            let mask = if width == 32 {
                u32::MAX
            } else {
                (1u32 << width) - 1
            };
            for i in 0..count {
                let bit = i * width as usize;
                let mut word = 0u64;
                for (j, &b) in packed.iter().skip(bit / 8).take(5).enumerate() {
                    word |= u64::from(b) << (8 * j);
                }
                out.push(((word >> (bit % 8)) as u32) & mask);
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hybrid_reads_runs_and_packed_groups() {
        // A run of five 3s (width 2), then one packed group: 0 1 2 3 0 1 2 3.
        let data = [5 << 1, 3, (1 << 1) | 1, 0b1110_0100, 0b1110_0100];
        assert_eq!(
            hybrid(&data, 2, 13).unwrap(),
            [3, 3, 3, 3, 3, 0, 1, 2, 3, 0, 1, 2, 3]
        );
        // The packed group cut to the values asked.
        assert_eq!(hybrid(&data, 2, 7).unwrap(), [3, 3, 3, 3, 3, 0, 1]);
        assert!(hybrid(&data[..1], 2, 5).is_err());
        // A 300-value run: a two-byte header.
        assert_eq!(hybrid(&[0xd8, 0x04, 1], 1, 300).unwrap(), vec![1; 300]);
    }

    #[test]
    fn plain_values_are_length_and_bytes() {
        let buf = [2, 0, 0, 0, b'a', b'b', 0, 0, 0, 0, 1, 0, 0, 0, b'c'];
        assert_eq!(plain_values(&buf, 3).unwrap(), [(4, 6), (10, 10), (14, 15)]);
        assert!(plain_values(&buf, 4).is_err());
    }
}
