//! Rules about data types, and rules about features of one SQL dialect.

mod avoid_char_n;
mod column_type_inconsistent;
mod default_null_string;
pub(in crate::rules) mod edits;
mod enum_policy;
mod money_as_float;
mod money_type;
mod mysql_charset;
mod mysql_engine;
mod mysql_int_display_width;
mod mysql_zero_date_default;
mod pg_discouraged_temporal;
mod pg_extension_type_missing;
mod prefer_identity_over_serial;
mod prefer_jsonb;
mod prefer_text_over_varchar;
mod prefer_timestamptz;
mod too_many_lobs;
mod varchar_length_required;

use super::Rule;

/// Adds this category's rules to the registry.
pub fn register(rules: &mut Vec<Box<dyn Rule>>) {
    rules.push(Box::new(money_as_float::MoneyAsFloat));
    rules.push(Box::new(money_type::MoneyType));
    rules.push(Box::new(prefer_timestamptz::PreferTimestamptz));
    rules.push(Box::new(avoid_char_n::AvoidCharN));
    rules.push(Box::new(prefer_text_over_varchar::PreferTextOverVarchar));
    rules.push(Box::new(
        prefer_identity_over_serial::PreferIdentityOverSerial,
    ));
    rules.push(Box::new(prefer_jsonb::PreferJsonb));
    rules.push(Box::new(pg_discouraged_temporal::PgDiscouragedTemporal));
    rules.push(Box::new(varchar_length_required::VarcharLengthRequired));
    rules.push(Box::new(column_type_inconsistent::ColumnTypeInconsistent));
    rules.push(Box::new(default_null_string::DefaultNullString));
    rules.push(Box::new(too_many_lobs::TooManyLobs));
    rules.push(Box::new(enum_policy::EnumPolicy));
    // Dialect rules (category `dialect`).
    rules.push(Box::new(pg_extension_type_missing::PgExtensionTypeMissing));
    rules.push(Box::new(mysql_engine::MysqlEngine));
    rules.push(Box::new(mysql_charset::MysqlCharset));
    rules.push(Box::new(mysql_int_display_width::MysqlIntDisplayWidth));
    rules.push(Box::new(mysql_zero_date_default::MysqlZeroDateDefault));
}
