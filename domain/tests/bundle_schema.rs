//! Bundles written by the app validate against `docs/bundle.schema.json`.

mod common;

use common::{sample_diagnostic, sample_feedback, DIAGNOSTIC_ID, NOW};
use domain::bundle::{
    export_backup, export_feedback, export_for_mot, to_json_pretty, Bundle, MotFeedback, MotStatus,
};
use domain::project::{BudgetClass, ContactStatus, PartnershipStep};
use domain::Diagnostic;
use serde_json::Value;

const SCHEMA: &str = include_str!("../../docs/bundle.schema.json");
const SCHEMA_URL: &str = "file:///docs/bundle.schema.json";

struct Validator {
    schemas: boon::Schemas,
    index: boon::SchemaIndex,
}

impl Validator {
    fn new() -> Self {
        let schema: Value = serde_json::from_str(SCHEMA).expect("the schema is JSON");
        let mut compiler = boon::Compiler::new();
        compiler.enable_format_assertions();
        compiler.add_resource(SCHEMA_URL, schema).unwrap();
        let mut schemas = boon::Schemas::new();
        let index = compiler.compile(SCHEMA_URL, &mut schemas).unwrap();
        Validator { schemas, index }
    }

    fn check(&self, bundle: &Bundle) -> Result<(), String> {
        let value: Value = serde_json::from_str(&to_json_pretty(bundle)).unwrap();
        self.check_value(&value)
    }

    fn check_value(&self, value: &Value) -> Result<(), String> {
        self.schemas
            .validate(value, self.index)
            .map_err(|error| format!("{error:#}"))
    }
}

/// A diagnostic using every enum value of project sheets, and no optional answer.
fn varied_diagnostics() -> Vec<Diagnostic> {
    let mut full = sample_diagnostic(DIAGNOSTIC_ID);
    let template = full.project_sheets[0].clone();
    for (index, step) in PartnershipStep::ALL.into_iter().enumerate() {
        let mut sheet = template.clone();
        sheet.id = format!("sheet-{index}");
        sheet.partnership_step = step;
        sheet.budget_class = BudgetClass::ALL.get(index).copied();
        sheet.partners[0].contact_status = [
            ContactStatus::ToContact,
            ContactStatus::Contacted,
            ContactStatus::Committed,
        ][index % 3];
        full.project_sheets.push(sheet);
    }
    let bare = Diagnostic::new(
        "0e1d2c3b-4a59-4687-a5b4-c3d2e1f0a9b8".into(),
        "Modane",
        NOW,
        &full.questionnaire_id,
        full.questionnaire_version,
    );
    vec![full, bare]
}

fn varied_feedback() -> Vec<MotFeedback> {
    MotStatus::ALL
        .into_iter()
        .enumerate()
        .map(|(index, status)| MotFeedback {
            id: format!("9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6{index}"),
            status,
            insee_code: None,
            ..sample_feedback()
        })
        .collect()
}

#[test]
fn every_kind_of_export_matches_the_schema() {
    let validator = Validator::new();
    let diagnostics = varied_diagnostics();
    for bundle in [
        export_for_mot(&diagnostics, "0.1.0", NOW, false),
        export_for_mot(&diagnostics, "0.1.0", NOW, true),
        export_backup(&diagnostics, &varied_feedback(), "0.1.0", NOW),
        export_backup(&[], &[], "0.1.0", NOW),
        export_feedback(&varied_feedback(), "0.1.0", NOW),
    ] {
        validator
            .check(&bundle)
            .unwrap_or_else(|error| panic!("{:?}: {error}", bundle.kind));
    }
}

/// A named change to a valid bundle.
type Mutation = (&'static str, fn(&mut Value));

#[test]
fn the_schema_refuses_what_the_app_refuses_structurally() {
    let validator = Validator::new();
    let bundle = export_for_mot(&varied_diagnostics(), "0.1.0", NOW, false);
    let good: Value = serde_json::from_str(&to_json_pretty(&bundle)).unwrap();
    let mutations: [Mutation; 6] = [
        ("future version", |v| v["format_version"] = 2.into()),
        ("other format", |v| v["format"] = "autre".into()),
        ("unknown field", |v| {
            v["diagnostics"][0]["onclick"] = "x".into()
        }),
        ("bad digest", |v| {
            v["diagnostics"][0]["digest"] = "abc".into()
        }),
        ("bad maturity", |v| {
            v["diagnostics"][0]["answers"]["gov_relations"]["value"] = 7.into()
        }),
        ("wrong kind content", |v| v["kind"] = "mot_feedback".into()),
    ];
    for (name, mutate) in mutations {
        let mut value = good.clone();
        mutate(&mut value);
        assert!(
            validator.check_value(&value).is_err(),
            "{name} should be refused"
        );
    }
}
