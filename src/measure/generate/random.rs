//! A small seeded PRNG (xoshiro256**, seeded through SplitMix64) and the few distributions
//! the generator draws from. Written here rather than taken from `rand` so that the bytes a
//! seed produces never change with a dependency's release.

/// xoshiro256** (Blackman and Vigna): fast, 256 bits of state, good enough for test data.
#[derive(Debug, Clone)]
pub(super) struct Rng {
    s: [u64; 4],
    /// The second value of the last Box–Muller pair.
    spare: Option<f64>,
}

impl Rng {
    /// A generator for `seed` and a `stream` number, so that independent parts of the
    /// output (rosters, the quality of each day, the rows) each have their own sequence.
    pub(super) fn new(seed: u64, stream: u64) -> Rng {
        let mut x = seed ^ stream.wrapping_mul(0xA076_1D64_78BD_642F);
        let mut next = || {
            x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = x;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            z ^ (z >> 31)
        };
        Rng {
            s: [next(), next(), next(), next()],
            spare: None,
        }
    }

    pub(super) fn next_u64(&mut self) -> u64 {
        let result = self.s[1].wrapping_mul(5).rotate_left(7).wrapping_mul(9);
        let t = self.s[1] << 17;
        self.s[2] ^= self.s[0];
        self.s[3] ^= self.s[1];
        self.s[1] ^= self.s[2];
        self.s[0] ^= self.s[3];
        self.s[2] ^= t;
        self.s[3] = self.s[3].rotate_left(45);
        result
    }

    /// Uniform in [0, 1).
    pub(super) fn uniform(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// Uniform in (0, 1], safe to take the logarithm of.
    fn open_uniform(&mut self) -> f64 {
        1.0 - self.uniform()
    }

    /// Uniform integer in `0..n` (`n > 0`).
    pub(super) fn below(&mut self, n: usize) -> usize {
        (((self.next_u64() >> 32) * n as u64) >> 32) as usize
    }

    /// True with probability `p`.
    pub(super) fn chance(&mut self, p: f64) -> bool {
        self.uniform() < p
    }

    /// Exponential with mean 1.
    pub(super) fn exponential(&mut self) -> f64 {
        -self.open_uniform().ln()
    }

    /// Standard normal (Box–Muller, both values used).
    pub(super) fn normal(&mut self) -> f64 {
        if let Some(z) = self.spare.take() {
            return z;
        }
        let r = (-2.0 * self.open_uniform().ln()).sqrt();
        let angle = std::f64::consts::TAU * self.uniform();
        self.spare = Some(r * angle.sin());
        r * angle.cos()
    }

    /// An index drawn with the given weights (not all zero).
    pub(super) fn weighted(&mut self, weights: &[f64]) -> usize {
        let total: f64 = weights.iter().sum();
        let mut x = self.uniform() * total;
        for (i, w) in weights.iter().enumerate() {
            if x < *w {
                return i;
            }
            x -= w;
        }
        weights.len() - 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_seed_gives_one_sequence_and_streams_differ() {
        let a: Vec<u64> = (0..4).map(|_| Rng::new(7, 0).next_u64()).collect();
        assert!(a.windows(2).all(|w| w[0] == w[1]));
        assert_ne!(Rng::new(7, 0).next_u64(), Rng::new(7, 1).next_u64());
        assert_ne!(Rng::new(7, 0).next_u64(), Rng::new(8, 0).next_u64());
    }

    #[test]
    fn distributions_have_their_moments() {
        let mut rng = Rng::new(1, 0);
        let n = 100_000;
        let (mut u, mut e, mut z, mut z2) = (0.0, 0.0, 0.0, 0.0);
        for _ in 0..n {
            u += rng.uniform();
            e += rng.exponential();
            let x = rng.normal();
            z += x;
            z2 += x * x;
        }
        let n = n as f64;
        assert!((u / n - 0.5).abs() < 0.01);
        assert!((e / n - 1.0).abs() < 0.02);
        assert!((z / n).abs() < 0.02);
        assert!((z2 / n - 1.0).abs() < 0.02);
        assert!((0..1000).all(|_| rng.below(3) < 3));
    }
}
