//! SQL Server scripts: batches, SQLCMD, storage clauses, keys, defaults and descriptions.
// Test helpers may panic: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use schemata::model::*;
use schemata::sql::import_sql;

const SCRIPT: &str = r#":setvar Schema "Sales"
USE [master]
GO
SET ANSI_NULLS ON
GO
CREATE SCHEMA [$(Schema)] AUTHORIZATION [dbo]
GO
CREATE SEQUENCE [$(Schema)].[OrderID] AS INT START WITH 1 INCREMENT BY 1
GO
CREATE TYPE [Flag] FROM bit NOT NULL
GO
CREATE TABLE [$(Schema)].[Customer](
	[CustomerID] [int] IDENTITY(1,1) NOT FOR REPLICATION NOT NULL,
	[Name] [nvarchar](50) NOT NULL,
	[Active] [Flag] NOT NULL,
	[rowguid] [uniqueidentifier] ROWGUIDCOL NOT NULL CONSTRAINT [DF_Customer_rowguid] DEFAULT (newid()),
	[Code] AS ISNULL(N'C' + CONVERT(nvarchar(10), [CustomerID]), N'') PERSISTED NOT NULL,
 CONSTRAINT [PK_Customer] PRIMARY KEY CLUSTERED ([CustomerID] ASC) WITH (PAD_INDEX = OFF, FILLFACTOR = 90) ON [PRIMARY],
) ON [PRIMARY] TEXTIMAGE_ON [PRIMARY]
GO
CREATE TABLE [$(Schema)].[Order](
	[OrderID] [int] NOT NULL CONSTRAINT [DF_Order_OrderID] DEFAULT (NEXT VALUE FOR [$(Schema)].[OrderID]),
	[CustomerID] [int] NOT NULL,
	[Total] [money] NOT NULL,
	[ValidFrom] DATETIME2 (7) GENERATED ALWAYS AS ROW START NOT NULL,
	[ValidTo] DATETIME2 (7) GENERATED ALWAYS AS ROW END NOT NULL,
	CONSTRAINT [PK_Order] PRIMARY KEY NONCLUSTERED ([OrderID] ASC),
	PERIOD FOR SYSTEM_TIME ([ValidFrom], [ValidTo])
)
ALTER TABLE [$(Schema)].[Order] WITH CHECK ADD CONSTRAINT [FK_Order_Customer] FOREIGN KEY([CustomerID])
REFERENCES [$(Schema)].[Customer] ([CustomerID])
ALTER TABLE [$(Schema)].[Order] CHECK CONSTRAINT [FK_Order_Customer]
ALTER TABLE [$(Schema)].[Order] ADD CONSTRAINT [DF_Order_Total] DEFAULT ((0)) FOR [Total]
GO
CREATE NONCLUSTERED INDEX [IX_Order_Customer] ON [$(Schema)].[Order] ([CustomerID] ASC) INCLUDE ([Total]) WHERE [Total] > 0 ON [PRIMARY]
GO
CREATE PROCEDURE [dbo].[uspNothing] AS
BEGIN
    SELECT 1;
    SELECT 2;
END
GO
EXEC sys.sp_addextendedproperty @name=N'MS_Description', @value=N'People who buy' , @level0type=N'SCHEMA',@level0name=N'Sales', @level1type=N'TABLE',@level1name=N'Customer'
GO
EXECUTE [sys].[sp_addextendedproperty] N'MS_Description', N'Order total.', N'SCHEMA', [Sales], N'TABLE', [Order], N'COLUMN', [Total];
GO
"#;

#[test]
fn a_typical_script_keeps_its_keys_defaults_and_descriptions() {
    let imported = import_sql(SCRIPT, "script.sql", None);
    assert_eq!(imported.dialect, Dialect::Mssql);
    assert!(
        imported.diagnostics.is_empty(),
        "{:?}",
        imported.diagnostics
    );
    let customer = imported
        .doc
        .table_named(&QualifiedName::qualified("Sales", "Customer"))
        .unwrap();
    let order = imported
        .doc
        .table_named(&QualifiedName::qualified("Sales", "Order"))
        .unwrap();
    assert_eq!(customer.comment.as_deref(), Some("People who buy"));
    assert_eq!(
        customer.primary_key.as_ref().unwrap().name.as_deref(),
        Some("PK_Customer")
    );
    let id = customer.column_named("CustomerID").unwrap();
    assert_eq!(
        id.identity.map(|i| i.kind),
        Some(IdentityKind::AutoIncrement)
    );
    assert!(!id.nullable);
    assert!(matches!(
        customer.column_named("Active").unwrap().data_type.kind,
        TypeKind::Domain(TypeRef::Resolved(_))
    ));
    assert!(customer.column_named("Code").unwrap().generated.is_some());
    assert_eq!(
        customer.column_named("rowguid").unwrap().default.as_deref(),
        Some("(newid())")
    );
    let order_id = order.column_named("OrderID").unwrap();
    assert_eq!(
        order_id.default.as_deref(),
        Some("(NEXT VALUE FOR [Sales].[OrderID])")
    );
    assert_eq!(
        order.column_named("Total").unwrap().default.as_deref(),
        Some("((0))")
    );
    assert_eq!(
        order.column_named("Total").unwrap().comment.as_deref(),
        Some("Order total.")
    );
    assert!(order.column_named("ValidFrom").is_some());
    let fk = &order.foreign_keys[0];
    assert_eq!(fk.name.as_deref(), Some("FK_Order_Customer"));
    assert_eq!(imported.doc.referenced_table(fk).unwrap().id, customer.id);
    let index = &order.indexes[0];
    assert_eq!(index.include.len(), 1);
    assert_eq!(index.predicate.as_deref(), Some("[Total] > 0"));
    assert!(
        imported
            .doc
            .passthrough
            .values()
            .any(|p| p.sql.contains("uspNothing") && p.sql.contains("SELECT 2"))
    );
    assert_eq!(imported.doc.sequences.len(), 1);
}

fn corpus(name: &str) -> Option<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpus/mssql")
        .join(name);
    if !path.is_file() {
        assert!(
            std::env::var_os("CI").is_none(),
            "{} is missing",
            path.display()
        );
        eprintln!(
            "*** {} not found beside the checkout; not checked ***",
            path.display()
        );
        return None;
    }
    Some(schemata::sql::decode::read_file(&path).unwrap().text)
}

#[test]
fn adventureworks_keys_and_foreign_keys_come_through() {
    let Some(text) = corpus("adventureworks-oltp.sql") else {
        return;
    };
    let imported = import_sql(&text, "adventureworks-oltp.sql", None);
    assert_eq!(imported.dialect, Dialect::Mssql);
    let doc = &imported.doc;
    assert_eq!(doc.tables.len(), 71);
    assert_eq!(doc.foreign_key_count(), 90);
    let with_pk = doc
        .tables
        .values()
        .filter(|t| t.primary_key.is_some())
        .count();
    assert_eq!(
        with_pk, 71,
        "every table has a primary key (DatabaseLog's is added by ALTER TABLE)"
    );
    let detail = doc
        .table_named(&QualifiedName::qualified("Sales", "SalesOrderDetail"))
        .unwrap();
    let pk: Vec<&str> = detail
        .primary_key
        .as_ref()
        .unwrap()
        .columns
        .iter()
        .map(|c| detail.column(*c).unwrap().name.as_str())
        .collect();
    assert_eq!(pk, ["SalesOrderID", "SalesOrderDetailID"]);
    let header_fk = detail
        .foreign_keys
        .iter()
        .find(|fk| {
            doc.referenced_table(fk)
                .is_some_and(|t| t.name.name == "SalesOrderHeader")
        })
        .unwrap();
    assert_eq!(header_fk.on_delete, ReferentialAction::Cascade);
    assert!(
        detail
            .column_named("LineTotal")
            .unwrap()
            .generated
            .is_some()
    );
    assert!(
        doc.tables
            .values()
            .flat_map(|t| &t.foreign_keys)
            .all(|fk| doc.referenced_table(fk).is_some())
    );
    let address = doc
        .table_named(&QualifiedName::qualified("Person", "Address"))
        .unwrap();
    assert!(
        address
            .comment
            .as_deref()
            .is_some_and(|c| c.contains("Street address"))
    );
}

#[test]
fn wideworldimporters_keys_and_foreign_keys_come_through() {
    let Some(text) = corpus("wideworldimporters-tables.sql") else {
        return;
    };
    let imported = import_sql(&text, "wideworldimporters-tables.sql", None);
    let doc = &imported.doc;
    assert_eq!(doc.tables.len(), 54);
    assert_eq!(doc.foreign_key_count(), 98);
    // The system-versioned history tables (…_Archive) and a few staging tables have none.
    let without_pk: Vec<String> = doc
        .tables
        .values()
        .filter(|t| t.primary_key.is_none())
        .map(|t| t.name.to_string())
        .collect();
    assert_eq!(without_pk.len(), 22, "{without_pk:?}");
    assert_eq!(
        without_pk
            .iter()
            .filter(|n| n.ends_with("_Archive"))
            .count(),
        17,
        "{without_pk:?}"
    );
    assert!(
        doc.tables
            .values()
            .flat_map(|t| &t.foreign_keys)
            .all(|fk| doc.referenced_table(fk).is_some())
    );
    let cities = doc
        .table_named(&QualifiedName::qualified("Application", "Cities"))
        .unwrap();
    assert!(
        cities
            .column_named("CityID")
            .unwrap()
            .default
            .as_deref()
            .is_some_and(|d| d.contains("NEXT VALUE FOR"))
    );
}

#[test]
fn system_versioned_tables_name_their_history_table_and_back() {
    let sql = "CREATE TABLE [Sales].[Price_Archive] (
    [PriceID] INT NOT NULL,
    [ValidFrom] DATETIME2 (7) NOT NULL,
    [ValidTo] DATETIME2 (7) NOT NULL
);
GO
CREATE TABLE [Sales].[Price] (
    [PriceID] INT NOT NULL,
    [ValidFrom] DATETIME2 (7) GENERATED ALWAYS AS ROW START NOT NULL,
    [ValidTo] DATETIME2 (7) GENERATED ALWAYS AS ROW END NOT NULL,
    CONSTRAINT [PK_Price] PRIMARY KEY ([PriceID]),
    PERIOD FOR SYSTEM_TIME ([ValidFrom], [ValidTo])
)
WITH (SYSTEM_VERSIONING = ON (HISTORY_TABLE=[Sales].[Price_Archive], DATA_CONSISTENCY_CHECK=ON));
GO
CREATE TABLE [dbo].[Rate] (
    [RateID] INT NOT NULL PRIMARY KEY,
    [ValidFrom] DATETIME2 GENERATED ALWAYS AS ROW START HIDDEN NOT NULL,
    [ValidTo] DATETIME2 GENERATED ALWAYS AS ROW END HIDDEN NOT NULL,
    PERIOD FOR SYSTEM_TIME (ValidFrom, ValidTo)
) WITH (SYSTEM_VERSIONING = ON (HISTORY_TABLE = dbo.RateHistory));
GO
CREATE TABLE [dbo].[RateHistory] ([RateID] INT NOT NULL, [ValidFrom] DATETIME2 NOT NULL, [ValidTo] DATETIME2 NOT NULL);
GO
";
    let imported = import_sql(sql, "temporal.sql", Some(Dialect::Mssql));
    assert!(
        imported.diagnostics.is_empty(),
        "{:?}",
        imported.diagnostics
    );
    let doc = &imported.doc;
    let option = |schema: Option<&str>, name: &str, key: &str| {
        let qualified = match schema {
            Some(s) => QualifiedName::qualified(s, name),
            None => QualifiedName::new(name),
        };
        doc.table_named(&qualified)
            .unwrap()
            .options
            .0
            .get(key)
            .cloned()
    };
    assert_eq!(
        option(Some("Sales"), "Price", "history_table").as_deref(),
        Some("Sales.Price_Archive")
    );
    assert_eq!(
        option(Some("Sales"), "Price", "system_time_period").as_deref(),
        Some("ValidFrom, ValidTo")
    );
    assert_eq!(
        option(Some("Sales"), "Price", "system_versioning").as_deref(),
        Some("ON")
    );
    // The history table is read before its current table: linked once the file is read.
    assert_eq!(
        option(Some("Sales"), "Price_Archive", "history_of").as_deref(),
        Some("Sales.Price")
    );
    assert_eq!(
        option(None, "Rate", "history_table").as_deref(),
        Some("RateHistory")
    );
    assert_eq!(
        option(None, "RateHistory", "history_of").as_deref(),
        Some("Rate")
    );
    assert_eq!(option(Some("Sales"), "Price", "history_of"), None);

    // SQL Server export writes the period and the versioning back, each history table
    // before its current table; other dialects say what they leave out.
    let sql = schemata::sql::export::export(doc, Dialect::Mssql).sql;
    for expected in [
        "ValidFrom DATETIME2(7) GENERATED ALWAYS AS ROW START NOT NULL,",
        "ValidTo   DATETIME2(7) GENERATED ALWAYS AS ROW END NOT NULL,",
        "PERIOD FOR SYSTEM_TIME (ValidFrom, ValidTo)\n) WITH (SYSTEM_VERSIONING = ON (HISTORY_TABLE = Sales.Price_Archive));",
        "WITH (SYSTEM_VERSIONING = ON (HISTORY_TABLE = dbo.RateHistory));",
    ] {
        assert!(sql.contains(expected), "{expected}\n{sql}");
    }
    let position = |name: &str| sql.find(&format!("CREATE TABLE {name} (")).unwrap();
    assert!(position("RateHistory") < position("Rate"), "{sql}");
    let back = import_sql(&sql, "exported.sql", Some(Dialect::Mssql)).doc;
    let rate = back.table_named(&QualifiedName::new("Rate")).unwrap();
    assert_eq!(
        rate.options.0.get("history_table").map(String::as_str),
        Some("RateHistory")
    );
    let postgres = schemata::sql::export::export(doc, Dialect::Postgres);
    assert!(!postgres.sql.contains("SYSTEM_TIME"));
    assert!(
        postgres
            .warnings
            .iter()
            .any(|w| w.object == "table Sales.Price" && w.message.contains("system versioning")),
        "{:?}",
        postgres.warnings
    );
}

#[test]
fn wideworldimporters_archive_tables_are_history_tables() {
    let Some(text) = corpus("wideworldimporters-tables.sql") else {
        return;
    };
    let imported = import_sql(&text, "wideworldimporters-tables.sql", None);
    let doc = &imported.doc;
    let history: Vec<String> = doc
        .tables
        .values()
        .filter(|t| t.options.0.contains_key("history_of"))
        .map(|t| t.name.to_string())
        .collect();
    assert_eq!(history.len(), 17, "{history:?}");
    assert!(history.iter().all(|n| n.ends_with("_Archive")));
    let cities = doc
        .table_named(&QualifiedName::qualified("Application", "Cities"))
        .unwrap();
    assert_eq!(
        cities.options.0.get("history_table").map(String::as_str),
        Some("Application.Cities_Archive")
    );
}

#[test]
fn inline_indexes_in_create_table_are_indexes() {
    let sql = "CREATE TABLE [Warehouse].[ColdRoomTemperatures] (
    [ColdRoomTemperatureID] BIGINT IDENTITY (1, 1) NOT NULL,
    [ColdRoomSensorNumber]  INT NOT NULL,
    [RecordedWhen]          DATETIME2 (7) NOT NULL,
    CONSTRAINT [PK_Warehouse_ColdRoomTemperatures] PRIMARY KEY NONCLUSTERED ([ColdRoomTemperatureID] ASC),
    INDEX [IX_Warehouse_ColdRoomTemperatures_ColdRoomSensorNumber] NONCLUSTERED ([ColdRoomSensorNumber]),
    INDEX ix_when UNIQUE ([RecordedWhen] DESC, [ColdRoomSensorNumber]) INCLUDE ([ColdRoomTemperatureID]) WITH (DATA_COMPRESSION = PAGE)
)
WITH (MEMORY_OPTIMIZED = ON);
GO
";
    let imported = import_sql(sql, "cold.sql", Some(Dialect::Mssql));
    assert!(
        imported.diagnostics.is_empty(),
        "{:?}",
        imported.diagnostics
    );
    let table = imported
        .doc
        .table_named(&QualifiedName::qualified(
            "Warehouse",
            "ColdRoomTemperatures",
        ))
        .unwrap();
    let names: Vec<&str> = table.columns.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "ColdRoomTemperatureID",
            "ColdRoomSensorNumber",
            "RecordedWhen"
        ]
    );
    assert_eq!(table.indexes.len(), 2);
    let sensor = &table.indexes[0];
    assert_eq!(
        sensor.name.as_deref(),
        Some("IX_Warehouse_ColdRoomTemperatures_ColdRoomSensorNumber")
    );
    assert!(!sensor.unique);
    let column = table.column_named("ColdRoomSensorNumber").unwrap().id;
    assert_eq!(sensor.parts[0].key, IndexKey::Column(column));
    let when = &table.indexes[1];
    assert!(when.unique);
    assert_eq!(when.parts.len(), 2);
    assert_eq!(when.parts[0].order, SortOrder::Desc);
    assert_eq!(when.include.len(), 1);
}

#[test]
fn wideworldimporters_has_no_column_named_index() {
    let Some(text) = corpus("wideworldimporters-tables.sql") else {
        return;
    };
    let imported = import_sql(&text, "wideworldimporters-tables.sql", None);
    let doc = &imported.doc;
    for table in doc.tables.values() {
        assert!(
            table
                .columns
                .iter()
                .all(|c| !c.name.eq_ignore_ascii_case("INDEX")),
            "{} has a column named INDEX",
            table.name
        );
    }
    let cold = doc
        .table_named(&QualifiedName::qualified(
            "Warehouse",
            "ColdRoomTemperatures",
        ))
        .unwrap();
    assert!(cold.indexes.iter().any(
        |i| i.name.as_deref() == Some("IX_Warehouse_ColdRoomTemperatures_ColdRoomSensorNumber")
    ));
}
