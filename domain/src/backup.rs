//! When to remind the user to export a backup.

/// Days without a backup, while something changed, after which the app reminds the user.
pub const BACKUP_REMINDER_DAYS: f64 = 7.0;

const DAY_MS: f64 = 24.0 * 60.0 * 60.0 * 1000.0;

/// Whether the app should remind the user to export a backup.
///
/// Times are milliseconds since the Unix epoch. A reminder is due when some change was made
/// after the last backup (or there never was one), and that unsaved state is at least
/// [`BACKUP_REMINDER_DAYS`] old: counted from the last backup, or, without one, from the
/// oldest change.
pub fn backup_reminder_due(
    last_backup_ms: Option<f64>,
    latest_change_ms: Option<f64>,
    oldest_change_ms: Option<f64>,
    now_ms: f64,
) -> bool {
    let Some(latest_change) = latest_change_ms else {
        return false;
    };
    let since = match last_backup_ms {
        Some(backup) if latest_change <= backup => return false,
        Some(backup) => backup,
        None => oldest_change_ms.unwrap_or(latest_change),
    };
    now_ms - since >= BACKUP_REMINDER_DAYS * DAY_MS
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: f64 = 100.0 * DAY_MS;

    #[test]
    fn nothing_to_save_means_no_reminder() {
        assert!(!backup_reminder_due(None, None, None, NOW));
    }

    #[test]
    fn changes_never_backed_up_are_reminded_after_seven_days() {
        assert!(!backup_reminder_due(
            None,
            Some(NOW - DAY_MS),
            Some(NOW - 6.0 * DAY_MS),
            NOW
        ));
        assert!(backup_reminder_due(
            None,
            Some(NOW - DAY_MS),
            Some(NOW - 7.0 * DAY_MS),
            NOW
        ));
    }

    #[test]
    fn a_backup_after_the_last_change_silences_the_reminder() {
        assert!(!backup_reminder_due(
            Some(NOW - 30.0 * DAY_MS),
            Some(NOW - 31.0 * DAY_MS),
            None,
            NOW
        ));
    }

    #[test]
    fn changes_after_an_old_backup_are_reminded() {
        assert!(backup_reminder_due(
            Some(NOW - 8.0 * DAY_MS),
            Some(NOW - DAY_MS),
            None,
            NOW
        ));
        assert!(!backup_reminder_due(
            Some(NOW - 3.0 * DAY_MS),
            Some(NOW - DAY_MS),
            None,
            NOW
        ));
    }
}
