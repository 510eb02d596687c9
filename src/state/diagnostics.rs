//! Use cases on the diagnostics kept on this device.

use domain::diagnostic::check_commune_name;
use domain::questionnaire::Questionnaire;
use domain::Diagnostic;

use crate::error::AppError;
use crate::platform::{new_uuid, now_iso};
use crate::storage::{shared_repository, ListedDiagnostic};

/// The questionnaire shipped with the app (read and checked once).
pub fn questionnaire() -> Result<&'static Questionnaire, AppError> {
    Ok(Questionnaire::embedded()?)
}

/// Creates and stores a new diagnostic for the commune typed by the user.
pub async fn create_diagnostic(commune_name: &str) -> Result<Diagnostic, AppError> {
    let name = check_commune_name(commune_name)?;
    let questionnaire = questionnaire()?;
    let diagnostic = Diagnostic::new(
        new_uuid(),
        &name,
        &now_iso(),
        &questionnaire.id,
        questionnaire.version,
    );
    shared_repository().await?.create(&diagnostic).await?;
    Ok(diagnostic)
}

/// Every diagnostic on this device as the home page lists it, most recently changed first.
pub async fn list_diagnostics() -> Result<Vec<ListedDiagnostic>, AppError> {
    Ok(shared_repository().await?.list_headed().await?)
}

/// One diagnostic by id.
pub async fn load_diagnostic(id: &str) -> Result<Diagnostic, AppError> {
    Ok(shared_repository().await?.get(id).await?)
}

/// Deletes one diagnostic for good.
pub async fn delete_diagnostic(id: &str) -> Result<(), AppError> {
    Ok(shared_repository().await?.delete(id).await?)
}
