//! Writes a folder of sample bundles for testing MOT's workspace: good files (one realistic
//! diagnostic each, exported for MOT), bad files the import must refuse, and a `manifest.json`
//! saying what each file should give.
//!
//! ```sh
//! cargo run --locked -q -p domain --example sample_bundles -- --count 50 --bad 3 --seed 2026 --out DIR
//! ```
//!
//! `--count` files in all (default 50), of which `--bad` are bad (default 0), diagnostics drawn
//! from `--seed` (default 2026). Good files are `diagnostic-0001-<commune>.json`…; bad files cycle
//! through `bad-01-not-json.json`, `bad-02-wrong-format.json` (another format name) and
//! `bad-03-tampered.json` (an answer changed after export, so its digest no longer matches).
//! Files this tool wrote earlier in `DIR` are removed first. Every file is read back with
//! [`parse_bundle`]: the tool fails if a good file is refused or a bad one accepted.
//!
//! The manifest: `{ "good": [{ "file", "diagnostic_id", "commune", "country_codes",
//! "good_practices" }], "bad": [{ "file", "reason_fragment" }] }`, where `country_codes` are the
//! neighbouring countries MOT's territories table shows, `good_practices` the number of good
//! practices of the diagnostic, and `reason_fragment` a piece of the French refusal message.

use std::error::Error;
use std::fs;
use std::path::{Path, PathBuf};

use domain::bundle::{export_for_mot, parse_bundle, slug, to_json_pretty, Bundle};
use domain::questionnaire::Questionnaire;
use domain::report::ReportData;
use domain::workspace::{sample::realistic_diagnostics, territory_rows};
use domain::{Answer, Diagnostic};
use serde_json::{json, Value};

/// Version of the app the bundles claim to come from.
const APP_VERSION: &str = "0.1.0";
/// When the bundles claim to have been exported.
const EXPORTED_AT: &str = "2026-03-15T10:00:00Z";
/// Name of the manifest written beside the bundles.
const MANIFEST: &str = "manifest.json";

type Result<T> = std::result::Result<T, Box<dyn Error>>;

/// What the command line asks for.
#[derive(Debug)]
struct Options {
    /// Files in all, good and bad.
    count: usize,
    /// Bad files among them.
    bad: usize,
    /// Seed of the diagnostics.
    seed: u64,
    /// Folder written into.
    out: PathBuf,
}

impl Options {
    /// Reads `--count N --bad K --seed S --out DIR` (every one optional but `--out`).
    fn parse(mut args: impl Iterator<Item = String>) -> Result<Options> {
        let mut options = Options {
            count: 50,
            bad: 0,
            seed: 2026,
            out: PathBuf::new(),
        };
        while let Some(flag) = args.next() {
            let value = args.next().ok_or_else(|| format!("{flag} needs a value"))?;
            match flag.as_str() {
                "--count" => options.count = value.parse()?,
                "--bad" => options.bad = value.parse()?,
                "--seed" => options.seed = value.parse()?,
                "--out" => options.out = PathBuf::from(value),
                _ => return Err(format!("unknown option {flag}").into()),
            }
        }
        if options.out.as_os_str().is_empty() {
            return Err("--out DIR is required".into());
        }
        if options.bad > options.count {
            return Err("--bad cannot exceed --count".into());
        }
        Ok(options)
    }
}

/// The kinds of bad file, written in turn.
#[derive(Clone, Copy, Debug)]
enum BadKind {
    /// Text that is not JSON.
    NotJson,
    /// A valid bundle whose `format` names another format.
    WrongFormat,
    /// A valid bundle with one answer changed after export.
    Tampered,
}

impl BadKind {
    /// Every kind, in the order they cycle.
    const ALL: [BadKind; 3] = [BadKind::NotJson, BadKind::WrongFormat, BadKind::Tampered];

    /// The part of the file name after the number.
    fn name(self) -> &'static str {
        match self {
            BadKind::NotJson => "not-json",
            BadKind::WrongFormat => "wrong-format",
            BadKind::Tampered => "tampered",
        }
    }

    /// A distinctive piece of the French message `parse_bundle` refuses the file with.
    fn reason_fragment(self) -> &'static str {
        match self {
            BadKind::NotJson => "pas un fichier JSON valide",
            BadKind::WrongFormat => "pas un export du diagnostic transfrontalier",
            BadKind::Tampered => "ne correspond plus à son empreinte de contrôle",
        }
    }

    /// The file's content, made from a diagnostic for the kinds that need a valid bundle first.
    fn content(self, diagnostic: &Diagnostic) -> Result<String> {
        let mut bundle = export_for_mot(
            std::slice::from_ref(diagnostic),
            APP_VERSION,
            EXPORTED_AT,
            false,
        );
        match self {
            BadKind::NotJson => {
                return Ok("Bonjour la MOT,\nvoici notre diagnostic : {réponses à venir}\n".into())
            }
            BadKind::WrongFormat => bundle.format = "autre-format-de-diagnostic".into(),
            BadKind::Tampered => tamper(&mut bundle)?,
        }
        Ok(to_json_pretty(&bundle))
    }
}

/// Raises one maturity answer of the bundle's first diagnostic by one level (wrapping), leaving
/// its digest as it was.
fn tamper(bundle: &mut Bundle) -> Result<()> {
    let answer = bundle
        .diagnostics
        .first_mut()
        .and_then(|item| {
            item.answers
                .values_mut()
                .find(|answer| matches!(answer, Answer::Maturity(_)))
        })
        .ok_or("the diagnostic to tamper with has no maturity answer")?;
    if let Answer::Maturity(level) = answer {
        *level = (*level + 1) % 5;
    }
    Ok(())
}

/// Removes the files an earlier run wrote (bundles and manifest), nothing else.
fn clear_previous(dir: &Path) -> Result<()> {
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        let ours = name == MANIFEST
            || (name.ends_with(".json")
                && (name.starts_with("diagnostic-") || name.starts_with("bad-")));
        if ours && path.is_file() {
            fs::remove_file(&path)?;
        }
    }
    Ok(())
}

/// Reads a written file back and checks that the import accepts it (or refuses it with the
/// expected message).
fn check_file(
    questionnaire: &Questionnaire,
    path: &Path,
    name: &str,
    refused_with: Option<&str>,
) -> Result<()> {
    let bytes = fs::read(path)?;
    match (parse_bundle(name, &bytes, questionnaire), refused_with) {
        (Ok(_), None) => Ok(()),
        (Err(rejection), None) => Err(format!("good file refused: {rejection}").into()),
        (Ok(_), Some(_)) => Err(format!("bad file {name} accepted").into()),
        (Err(rejection), Some(fragment)) => {
            if rejection.messages().iter().any(|m| m.contains(fragment)) {
                Ok(())
            } else {
                Err(format!("{name} refused without « {fragment} »: {rejection}").into())
            }
        }
    }
}

fn main() -> Result<()> {
    let options = Options::parse(std::env::args().skip(1))?;
    let questionnaire = Questionnaire::embedded()?;
    let data = ReportData::embedded()?;
    let good_count = options.count - options.bad;
    // The first `good_count` are exactly `realistic_diagnostics(good_count, seed)`; the rest
    // are the bases of the bad files.
    let diagnostics = realistic_diagnostics(options.count, options.seed);
    if diagnostics.len() != options.count {
        return Err("the embedded questionnaire or reference tables could not be read".into());
    }
    let (good, bases) = diagnostics.split_at(good_count);
    let rows = territory_rows(&data, questionnaire, good, &[]);

    fs::create_dir_all(&options.out)?;
    clear_previous(&options.out)?;
    let width = options.count.to_string().len().max(4);
    let mut good_entries = Vec::new();
    for (index, (diagnostic, row)) in good.iter().zip(&rows).enumerate() {
        let name = format!(
            "diagnostic-{:0width$}-{}.json",
            index + 1,
            slug(diagnostic.commune_name(), "commune")
        );
        let path = options.out.join(&name);
        let bundle = export_for_mot(
            std::slice::from_ref(diagnostic),
            APP_VERSION,
            EXPORTED_AT,
            false,
        );
        fs::write(&path, to_json_pretty(&bundle))?;
        check_file(questionnaire, &path, &name, None)?;
        good_entries.push(json!({
            "file": name,
            "diagnostic_id": diagnostic.id,
            "commune": row.commune,
            "country_codes": row.country_codes,
            "good_practices": diagnostic.good_practices.len(),
        }));
    }

    let width = options.bad.to_string().len().max(2);
    let mut bad_entries = Vec::new();
    for (index, base) in bases.iter().enumerate() {
        let kind = BadKind::ALL[index % BadKind::ALL.len()];
        let name = format!("bad-{:0width$}-{}.json", index + 1, kind.name());
        let path = options.out.join(&name);
        fs::write(&path, kind.content(base)?)?;
        check_file(questionnaire, &path, &name, Some(kind.reason_fragment()))?;
        bad_entries.push(json!({ "file": name, "reason_fragment": kind.reason_fragment() }));
    }

    let manifest: Value = json!({ "good": good_entries, "bad": bad_entries });
    let mut text = serde_json::to_string_pretty(&manifest)?;
    text.push('\n');
    fs::write(options.out.join(MANIFEST), text)?;
    println!(
        "{} good and {} bad bundle(s) written to {}",
        good_entries.len(),
        bad_entries.len(),
        options.out.display()
    );
    Ok(())
}
