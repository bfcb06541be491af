//! Tests of the statement splitter.
use super::*;
use Dialect::{Mssql, Mysql, Postgres, Sqlite};
use StatementKind::{Data, Meta, Sql};

const ALL: [Dialect; 4] = [Postgres, Mysql, Sqlite, Mssql];

/// Asserts the statement texts of `src` in each of `dialects`.
fn check(dialects: &[Dialect], src: &str, want: &[&str]) {
    for &d in dialects {
        let got: Vec<_> = split(src, d).into_iter().map(|s| s.text).collect();
        assert_eq!(got, want, "{d:?} {src:?}");
        check_positions(src, d);
    }
}

fn kinds(src: &str, d: Dialect) -> Vec<StatementKind> {
    split(src, d).into_iter().map(|s| s.kind).collect()
}

/// Offsets increase, sit on char boundaries, and line/column match a naive recount.
fn check_positions(src: &str, d: Dialect) {
    let mut last = None;
    for s in split(src, d) {
        assert!(last.is_none_or(|l| s.offset > l) && src.is_char_boundary(s.offset));
        let before = &src[..s.offset];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let bom = usize::from(line_start == 0 && before.starts_with('\u{feff}'));
        let column = before[line_start..].chars().count() + 1 - bom;
        let line = before.matches('\n').count() + 1;
        assert_eq!(
            (s.line as usize, s.column as usize),
            (line, column),
            "{d:?} {src:?}"
        );
        last = Some(s.offset);
    }
}

#[test]
fn empty_and_comment_only_inputs_yield_nothing() {
    for src in [
        "",
        "  \n\t",
        ";;;",
        "-- c\n/* x; */ ;\n",
        "/* open",
        "\u{feff}",
        "\u{a0} ",
    ] {
        check(&ALL, src, &[]);
    }
}

#[test]
fn splits_on_semicolons_and_keeps_the_final_statement() {
    check(
        &ALL,
        "SELECT 1;\n  SELECT 2 ;;  SELECT 3\n",
        &["SELECT 1", "SELECT 2", "SELECT 3"],
    );
}

#[test]
fn single_quoted_strings() {
    check(
        &ALL,
        "SELECT 'it''s; x'; SELECT 2",
        &["SELECT 'it''s; x'", "SELECT 2"],
    );
    let src = r"SELECT 'a\'; SELECT 2;";
    check(
        &[Postgres, Sqlite, Mssql],
        src,
        &[r"SELECT 'a\'", "SELECT 2"],
    );
    check(&[Mysql], src, &[src]);
    check(
        &[Mysql],
        r"SELECT 'it\'s;'; SELECT 2",
        &[r"SELECT 'it\'s;'", "SELECT 2"],
    );
}

#[test]
fn postgres_e_strings() {
    let src = r"SELECT E'it\'s;', e'\\'; SELECT 2";
    check(&[Postgres], src, &[r"SELECT E'it\'s;', e'\\'", "SELECT 2"]);
    // An identifier ending in `e` is no E prefix.
    check(
        &[Postgres],
        r"SELECT type'a\'; SELECT 2",
        &[r"SELECT type'a\'", "SELECT 2"],
    );
}

#[test]
fn double_quotes() {
    let src = r#"CREATE TABLE "a;""b\" (x int); SELECT 1"#;
    let want = [r#"CREATE TABLE "a;""b\" (x int)"#, "SELECT 1"];
    check(&[Postgres, Sqlite, Mssql], src, &want);
    let src = r#"SELECT "a\";b", "c"";d"; SELECT 1"#;
    check(&[Mysql], src, &[r#"SELECT "a\";b", "c"";d""#, "SELECT 1"]);
}

#[test]
fn backticks_and_brackets() {
    let src = "CREATE TABLE `a;``b` (x int); SELECT 1";
    check(
        &[Mysql, Sqlite],
        src,
        &["CREATE TABLE `a;``b` (x int)", "SELECT 1"],
    );
    let src = "CREATE TABLE [a;]]b] (x int); SELECT 1";
    check(
        &[Mssql, Sqlite],
        src,
        &["CREATE TABLE [a;]]b] (x int)", "SELECT 1"],
    );
    check(
        &[Postgres],
        "SELECT a[1]; SELECT `x;",
        &["SELECT a[1]", "SELECT `x"],
    );
    check(&[Mysql], "SELECT [x; SELECT 2", &["SELECT [x", "SELECT 2"]);
}

#[test]
fn line_comments() {
    let src = "SELECT 1 -- a; b\n, 2; -- c; d\nSELECT 3";
    check(&ALL, src, &["SELECT 1 -- a; b\n, 2", "SELECT 3"]);
    check(
        &[Mysql],
        "SELECT 1 # a; b\n; # c;\nSELECT 3",
        &["SELECT 1 # a; b", "SELECT 3"],
    );
    check(
        &[Mysql],
        "SELECT a#b; SELECT 3",
        &["SELECT a#b", "SELECT 3"],
    );
    check(&[Postgres], "SELECT 1 # a; b", &["SELECT 1 # a", "b"]);
    // MySQL wants whitespace after `--`.
    check(
        &[Mysql],
        "SELECT 1--1; SELECT 2",
        &["SELECT 1--1", "SELECT 2"],
    );
}

#[test]
fn block_comments_nest_only_where_the_dialect_does() {
    let src = "/* a /* b; */ c; */ SELECT 1; SELECT /* ; */ 2";
    check(&[Postgres, Mssql], src, &["SELECT 1", "SELECT /* ; */ 2"]);
    check(
        &[Mysql, Sqlite],
        src,
        &["c", "*/ SELECT 1", "SELECT /* ; */ 2"],
    );
}

#[test]
fn mysql_executable_comments_are_unwrapped() {
    let src = "/*!40101 SET NAMES utf8 */;\n/*!40000 ALTER TABLE `t` DISABLE KEYS */;\n\
               /*M!100616 SET NOTE_VERBOSITY=0 */;\n/*! SET a=1; SET b=2 */;\n\
               /*!50003 CREATE*/ /*!50017 DEFINER=`r`@`%`*/ /*!50003 TRIGGER x */;";
    let want = "SET NAMES utf8|ALTER TABLE `t` DISABLE KEYS|SET NOTE_VERBOSITY=0|SET a=1|\
                SET b=2|CREATE DEFINER=`r`@`%` TRIGGER x";
    check(&[Mysql], src, &want.split('|').collect::<Vec<_>>());
    let s = split(src, Mysql);
    assert!(matches!(s[0].text, Cow::Owned(_)));
    assert_eq!((s[1].offset, s[1].line), (src.find("/*!40000").unwrap(), 2));
    check(&[Postgres], "/*!40101 SET NAMES utf8 */;", &[]);
}

#[test]
fn dollar_quotes() {
    let src = "CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql;\n\
               DO $body$ BEGIN PERFORM 1; $x$ ; $x$; END $body$;\n\
               PREPARE p AS SELECT $1; SELECT a$b$c; SELECT 2";
    let want = [
        "CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql",
        "DO $body$ BEGIN PERFORM 1; $x$ ; $x$; END $body$",
        "PREPARE p AS SELECT $1",
        "SELECT a$b$c",
        "SELECT 2",
    ];
    check(&[Postgres], src, &want);
    check(&[Mysql], "SELECT $$a; b$$", &["SELECT $$a", "b$$"]);
}

#[test]
fn copy_from_stdin_is_one_data_statement() {
    let src = "COPY public.t (a, b) FROM stdin;\n1\tx;y\n2\tit's\n\\.\nSELECT 1;\n\
               copy t from STDIN with (format csv);\r\na;b\r\n\\.\r\nSELECT 2;";
    let s = split(src, Postgres);
    assert_eq!(kinds(src, Postgres), [Data, Sql, Data, Sql]);
    assert_eq!(
        s[0].text,
        "COPY public.t (a, b) FROM stdin;\n1\tx;y\n2\tit's\n\\."
    );
    assert_eq!((s[1].text.as_ref(), s[1].line), ("SELECT 1", 5));
    assert!(s[2].text.starts_with("copy t") && s[2].text.ends_with("a;b\r\n\\."));
    assert_eq!((s[2].line, s[3].line), (6, 9));
    assert_eq!(
        kinds("COPY t TO stdout; COPY t FROM '/x';", Postgres),
        [Sql, Sql]
    );
    check(
        &[Postgres],
        "COPY t FROM stdin;\n1;2\n3\n",
        &["COPY t FROM stdin;\n1;2\n3"],
    );
}

#[test]
fn insert_and_replace_are_data() {
    let src = "insert into t values (1); Replace INTO t VALUES (2); INSERTED; SELECT 1";
    for d in ALL {
        assert_eq!(kinds(src, d), [Data, Data, Sql, Sql]);
    }
}

#[test]
fn mysql_delimiter_lines() {
    let src = "DELIMITER //\nCREATE PROCEDURE p() BEGIN SELECT 1; SELECT 2; END//\n\
               delimiter ;\nSELECT 3;";
    let want = "DELIMITER //|CREATE PROCEDURE p() BEGIN SELECT 1; SELECT 2; END|delimiter ;|\
                SELECT 3";
    check(&[Mysql], src, &want.split('|').collect::<Vec<_>>());
    assert_eq!(kinds(src, Mysql), [Meta, Sql, Meta, Sql]);
    let src = "DELIMITER $$\nSELECT 1; SELECT 2$$\nSELECT 3 $$";
    check(
        &[Mysql],
        src,
        &["DELIMITER $$", "SELECT 1; SELECT 2", "SELECT 3"],
    );
    check(
        &[Postgres],
        "DELIMITER //\nSELECT 1;",
        &["DELIMITER //\nSELECT 1"],
    );
}

#[test]
fn psql_meta_commands() {
    let src = "\\restrict abc\n  \\connect db\r\nSELECT 1;\n\\unrestrict abc\n";
    let want = [
        "\\restrict abc",
        "\\connect db",
        "SELECT 1",
        "\\unrestrict abc",
    ];
    check(&[Postgres], src, &want);
    assert_eq!(kinds(src, Postgres), [Meta, Meta, Sql, Meta]);
    let s = split(src, Postgres);
    assert_eq!((s[1].line, s[1].column), (2, 3));
    check(&[Postgres], "SELECT 1\n\\x\n;", &["SELECT 1\n\\x"]);
}

#[test]
fn positions_after_multiline_comments() {
    let src = "/* one\n   two; */\n\n  -- x;\n\tSELECT 1; /* é\n */ SELECT 'é';  SELECT 3";
    let s = split(src, Postgres);
    let pos: Vec<_> = s.iter().map(|s| (s.line, s.column)).collect();
    assert_eq!(pos, [(5, 2), (6, 5), (6, 18)]);
    assert_eq!(s[0].offset, src.find("SELECT 1").unwrap());
    let s = split("\u{a0}SELECT 1", Mysql);
    assert_eq!((s[0].offset, s[0].line, s[0].column), (2, 1, 2));
    let s = split("\u{feff}SELECT 1", Mssql);
    assert_eq!((s[0].offset, s[0].line, s[0].column), (3, 1, 1));
    for d in ALL {
        check_positions(src, d);
    }
}

#[test]
fn pg_dump_fragment() {
    let src = "--\n-- PostgreSQL database dump\n--\n\n\\restrict Xyz\n\n\
        SET statement_timeout = 0;\nSET client_encoding = 'UTF8';\n\
        SELECT pg_catalog.set_config('search_path', '', false);\n\n\
        CREATE FUNCTION public.f(integer) RETURNS text\n    LANGUAGE sql\n\
        \x20   AS $_$ SELECT 'x;' || $1; $_$;\n\n\
        CREATE TABLE public.t (\n    id integer NOT NULL,\n    name text\n);\n\n\
        COPY public.t (id, name) FROM stdin;\n1\ta;b\n2\tit's\n3\t\\N\n\\.\n\n\
        ALTER TABLE ONLY public.t\n    ADD CONSTRAINT t_pkey PRIMARY KEY (id);\n\n\
        \\unrestrict Xyz\n";
    let s = split(src, Postgres);
    let firsts: Vec<_> = s.iter().map(|s| first_word(&s.text)).collect();
    assert_eq!(
        firsts,
        [
            "", "SET", "SET", "SELECT", "CREATE", "CREATE", "COPY", "ALTER", ""
        ]
    );
    assert_eq!(
        kinds(src, Postgres),
        [Meta, Sql, Sql, Sql, Sql, Sql, Data, Sql, Meta]
    );
    assert!(s[4].text.ends_with("AS $_$ SELECT 'x;' || $1; $_$"));
    assert!(s[6].text.ends_with("3\t\\N\n\\."));
    assert_eq!((s[0].line, s[1].line, s[6].line, s[7].line), (5, 7, 20, 26));
    check_positions(src, Postgres);
}

#[test]
fn mysqldump_fragment() {
    let src = "-- MySQL dump 10.13\n\n\
        /*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;\n\
        /*!40103 SET TIME_ZONE='+00:00' */;\n\n--\n-- Table structure for table `t`\n--\n\n\
        DROP TABLE IF EXISTS `t`;\n\
        CREATE TABLE `t` (\n  `id` int NOT NULL,\n  `note` varchar(20) DEFAULT 'a;b',\n\
        \x20 PRIMARY KEY (`id`)\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;\n\n\
        LOCK TABLES `t` WRITE;\n/*!40000 ALTER TABLE `t` DISABLE KEYS */;\n\
        INSERT INTO `t` VALUES (1,'it\\'s;'),(2,\"x\\\";\");\n\
        /*!40000 ALTER TABLE `t` ENABLE KEYS */;\nUNLOCK TABLES;\n\
        /*!50003 SET @saved_sql_mode = @@sql_mode */ ;\nDELIMITER ;;\n\
        /*!50003 CREATE*/ /*!50017 DEFINER=`root`@`localhost`*/ /*!50003 TRIGGER `t_bi` \
        BEFORE INSERT ON `t` FOR EACH ROW BEGIN\n  SET NEW.note = CONCAT(NEW.note, ';'); \
        SET NEW.id = NEW.id + 1;\nEND */;;\nDELIMITER ;\n\
        /*!50003 SET sql_mode = @saved_sql_mode */ ;\n";
    let s = split(src, Mysql);
    let t: Vec<_> = s.iter().map(|s| s.text.as_ref()).collect();
    let want = "SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT|SET TIME_ZONE='+00:00'|\
        DROP TABLE IF EXISTS `t`";
    assert_eq!(t[..3], want.split('|').collect::<Vec<_>>());
    assert!(t[3].starts_with("CREATE TABLE `t` (") && t[3].ends_with("CHARSET=utf8mb4"));
    assert_eq!(
        t[4..6],
        ["LOCK TABLES `t` WRITE", "ALTER TABLE `t` DISABLE KEYS"]
    );
    assert_eq!(t[6], "INSERT INTO `t` VALUES (1,'it\\'s;'),(2,\"x\\\";\")");
    let want = "ALTER TABLE `t` ENABLE KEYS|UNLOCK TABLES|SET @saved_sql_mode = @@sql_mode|\
        DELIMITER ;;|CREATE DEFINER=`root`@`localhost` TRIGGER `t_bi` BEFORE INSERT ON `t` \
        FOR EACH ROW BEGIN\n  SET NEW.note = CONCAT(NEW.note, ';'); SET NEW.id = NEW.id + 1;\
        \nEND|DELIMITER ;|SET sql_mode = @saved_sql_mode";
    assert_eq!(t[7..], want.split('|').collect::<Vec<_>>());
    let k = kinds(src, Mysql);
    assert_eq!(
        k[4..],
        [Sql, Sql, Data, Sql, Sql, Sql, Meta, Sql, Meta, Sql]
    );
    assert_eq!((s[3].line, s[11].line), (11, 24));
    check_positions(src, Mysql);
}

#[test]
fn unterminated_tokens_run_to_the_end() {
    for src in [
        "SELECT 'ab; SELECT 2",
        "SELECT \"ab; SELECT 2",
        "SELECT 1 /* x; SELECT 2",
    ] {
        check(&ALL, src, &[src]);
    }
    check(
        &[Postgres],
        "SELECT $x$ab; SELECT 2",
        &["SELECT $x$ab; SELECT 2"],
    );
    check(
        &[Postgres],
        r"SELECT E'a\'; SELECT 2",
        &[r"SELECT E'a\'; SELECT 2"],
    );
    check(
        &[Mysql, Sqlite],
        "SELECT `ab; SELECT 2",
        &["SELECT `ab; SELECT 2"],
    );
    check(
        &[Mssql, Sqlite],
        "SELECT [ab; SELECT 2",
        &["SELECT [ab; SELECT 2"],
    );
    check(
        &[Mysql],
        "/*!40101 SET a=1; SET b=2",
        &["SET a=1", "SET b=2"],
    );
    for src in "\\|'\\|E'\\|$|$a|/*!|/*M!1|--|DELIMITER |COPY x FROM stdin;".split('|') {
        for d in ALL {
            check_positions(src, d);
        }
    }
}

#[test]
fn deep_parentheses() {
    let deep = format!(
        "SELECT {}1{}; SELECT 2",
        "(".repeat(10_000),
        ")".repeat(10_000)
    );
    let open = format!("SELECT {}1; SELECT 2", "(".repeat(10_000));
    for d in ALL {
        assert_eq!(split(&deep, d).len(), 2);
        assert_eq!(split(&open, d).len(), 2);
    }
}

#[test]
fn arbitrary_input_never_panics() {
    let pieces: Vec<_> = "'|\"|`|[|]|$|$a$|--|-- |#|/*|*/|/*!1|/*M!|\\|\\.|;|\n|E'|DELIMITER |\
        COPY t FROM stdin|é| |x|\r\n|;;|//|\u{feff}"
        .split('|')
        .collect();
    let mut seed = 0x2545_f491_4f6c_dd1d_u64;
    for _ in 0..3_000 {
        let mut src = String::new();
        for _ in 0..seed % 40 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            src.push_str(pieces[(seed % pieces.len() as u64) as usize]);
        }
        for d in ALL {
            check_positions(&src, d);
        }
    }
}

#[test]
fn large_input_splits_completely() {
    let chunk = "INSERT INTO t VALUES (1, 'a;b', 'c');\n-- c;\nCREATE TABLE x (a int); /* ; */\n";
    let n = 5 * 1024 * 1024 / chunk.len() + 1;
    let src = chunk.repeat(n);
    for d in ALL {
        let s = split(&src, d);
        assert_eq!(s.len(), 2 * n);
        assert_eq!(s.last().map(|s| s.line as usize), Some(3 * n));
    }
}

#[test]
fn sqlite_trigger_bodies_keep_their_semicolons() {
    let src = "CREATE TRIGGER t AFTER INSERT ON a BEGIN\n  UPDATE a SET n = CASE WHEN 1 THEN 2 END;\n  DELETE FROM b;\nEND;\nSELECT 1;";
    check(
        &[Sqlite],
        src,
        &[
            "CREATE TRIGGER t AFTER INSERT ON a BEGIN\n  UPDATE a SET n = CASE WHEN 1 THEN 2 END;\n  DELETE FROM b;\nEND",
            "SELECT 1",
        ],
    );
}
