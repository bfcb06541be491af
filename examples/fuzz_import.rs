//! Hostile-input fuzzing of the splitter and the importer, without nightly Rust: random bytes,
//! SQL token soup and mutations of real statements, for a given time, in every dialect. Any
//! panic is reported with the input saved to a file, to be turned into a regression test.
//!
//! `cargo run --release --no-default-features --example fuzz_import -- SECONDS [SEED]`

use std::panic;
use std::time::{Duration, Instant};

use schemata::model::Dialect;

/// A small deterministic generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % (n.max(1) as u64)).unwrap_or(0)
    }
}

const TOKENS: &[&str] = &[
    "CREATE",
    "TABLE",
    "ALTER",
    "ADD",
    "CONSTRAINT",
    "PRIMARY",
    "KEY",
    "FOREIGN",
    "REFERENCES",
    "UNIQUE",
    "INDEX",
    "ON",
    "ONLY",
    "WHERE",
    "CHECK",
    "DEFAULT",
    "NOT",
    "NULL",
    "GO",
    "\nGO\n",
    ";",
    ",",
    "(",
    ")",
    "((",
    "))",
    "'",
    "''",
    "\"",
    "`",
    "[",
    "]",
    "$$",
    "$tag$",
    "--",
    "/*",
    "*/",
    "/*!40101",
    "\\.",
    "\n",
    " ",
    "COPY t FROM stdin;\n",
    "DELIMITER //\n",
    "int",
    "varchar(255)",
    "serial",
    "IDENTITY(1,1)",
    "AUTO_INCREMENT",
    "AUTOINCREMENT",
    "t",
    "\"T\"",
    "s.t",
    "a",
    "b",
    "PARTITION OF",
    "INHERITS",
    "CREATE SCHEMA x CREATE TABLE",
    "sp_addextendedproperty",
    "NEXT VALUE FOR",
    "AS",
    "GENERATED ALWAYS AS",
    "WITH (PAD_INDEX = OFF)",
    "ON [PRIMARY]",
    ":setvar x 1\n",
    "$(x)",
    "E'\\''",
    "N'x'",
    "é",
    "\u{0}",
];

const SEEDS: &[&str] = &[
    "CREATE TABLE a (id int PRIMARY KEY, b_id int REFERENCES b(id) ON DELETE CASCADE, CHECK (id > 0));",
    "ALTER TABLE ONLY public.a ADD CONSTRAINT a_fk FOREIGN KEY (b_id) REFERENCES public.b(id);",
    "CREATE UNIQUE INDEX i ON a USING btree (lower(name)) INCLUDE (x) WHERE active;",
    "CREATE TABLE `p` (`id` int unsigned NOT NULL AUTO_INCREMENT, KEY `k` (`id`(10))) ENGINE=InnoDB;",
    "CREATE TABLE [dbo].[t]([id] [int] IDENTITY(1,1) NOT NULL, [c] AS ISNULL([a],0) PERSISTED, CONSTRAINT [PK] PRIMARY KEY CLUSTERED ([id] ASC) WITH (PAD_INDEX = OFF) ON [PRIMARY]) ON [PRIMARY]\nGO\n",
    "CREATE FUNCTION f() RETURNS trigger AS $$ BEGIN RETURN NEW; END $$ LANGUAGE plpgsql;",
    "CREATE TYPE s AS ENUM ('a', 'b'); CREATE DOMAIN d AS int CHECK (VALUE > 0);",
    "CREATE TABLE m (id int, at date) PARTITION BY RANGE (at); CREATE TABLE m1 PARTITION OF m FOR VALUES FROM ('a') TO ('b');",
    "CREATE VIRTUAL TABLE f USING fts4 (a, b); CREATE TABLE x (k TEXT PRIMARY KEY) WITHOUT ROWID;",
];

fn generate(rng: &mut Rng) -> Vec<u8> {
    match rng.below(4) {
        0 => (0..rng.below(400))
            .map(|_| (rng.next() & 0xFF) as u8)
            .collect(),
        1 => {
            let mut text = String::new();
            for _ in 0..rng.below(200) {
                text.push_str(TOKENS[rng.below(TOKENS.len())]);
                if rng.below(3) == 0 {
                    text.push(' ');
                }
            }
            text.into_bytes()
        }
        _ => {
            let mut bytes = SEEDS[rng.below(SEEDS.len())].as_bytes().to_vec();
            for _ in 0..=rng.below(8) {
                let at = rng.below(bytes.len() + 1);
                match rng.below(4) {
                    0 if at < bytes.len() => {
                        bytes.remove(at);
                    }
                    1 => bytes.insert(at, (rng.next() & 0xFF) as u8),
                    2 => {
                        let token = TOKENS[rng.below(TOKENS.len())].as_bytes();
                        bytes.splice(at..at, token.iter().copied());
                    }
                    _ => bytes.truncate(at),
                }
            }
            bytes
        }
    }
}

fn run_one(bytes: &[u8]) {
    let text = match schemata::sql::decode::decode(bytes) {
        Ok(decoded) => decoded.text,
        Err(_) => String::from_utf8_lossy(bytes).into_owned(),
    };
    for dialect in Dialect::ALL {
        let imported = schemata::sql::import_sql(&text, "fuzz.sql", Some(dialect));
        std::hint::black_box(&imported);
    }
    let detected = schemata::sql::import_sql(&text, "fuzz.sql", None);
    std::hint::black_box(&detected);
}

fn main() {
    // `fuzz_import FILE` replays one saved input, with the panic message.
    if let Some(path) = std::env::args()
        .nth(1)
        .filter(|a| std::path::Path::new(a).is_file())
    {
        let bytes = std::fs::read(path).unwrap_or_default();
        run_one(&bytes);
        println!("no panic");
        return;
    }
    let mut args = std::env::args().skip(1);
    let seconds: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(60);
    let seed: u64 = args
        .next()
        .and_then(|a| a.parse().ok())
        .unwrap_or(0x5EED_1234_ABCD_0001);
    let mut rng = Rng(seed | 1);
    let deadline = Instant::now() + Duration::from_secs(seconds);
    panic::set_hook(Box::new(|_| {}));
    let (mut runs, mut crashes) = (0u64, 0u64);
    while Instant::now() < deadline {
        let input = generate(&mut rng);
        if panic::catch_unwind(|| run_one(&input)).is_err() {
            crashes += 1;
            if crashes <= 20 {
                let path = format!("fuzz-crash-{crashes}.sql");
                let _ = std::fs::write(&path, &input);
                eprintln!("panic on input saved to {path}");
            }
        }
        runs += 1;
    }
    println!("{runs} inputs in {seconds} s, {crashes} panics");
    if crashes > 0 {
        std::process::exit(1);
    }
}
