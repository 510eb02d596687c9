//! French public identifiers typed by hand: INSEE commune codes and SIREN numbers.

/// Why a typed INSEE commune code was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum InseeCodeError {
    /// Not 5 characters long.
    #[error("Le code INSEE « {code} » doit comporter 5 caractères (ex. 08190 ou 2A004).")]
    WrongLength {
        /// The code as typed (trimmed).
        code: String,
    },
    /// Starts with 20: Corsican codes use 2A or 2B since 1976.
    #[error(
        "Le code INSEE « {code} » commence par 20 : les communes de Corse ont un code qui \
         commence par 2A (Corse-du-Sud) ou 2B (Haute-Corse), par exemple 2A004 pour Ajaccio. \
         Le 20 est celui du code postal."
    )]
    CorsicaPrefix {
        /// The code as typed (trimmed).
        code: String,
    },
    /// Holds characters other than digits (apart from 2A/2B).
    #[error(
        "Le code INSEE « {code} » ne doit contenir que des chiffres, sauf pour la Corse \
         (2A ou 2B suivis de 3 chiffres)."
    )]
    NotDigits {
        /// The code as typed (trimmed).
        code: String,
    },
    /// The first two (or three) characters are no département.
    #[error(
        "Le code INSEE « {code} » ne commence pas par un numéro de département valide \
         (01 à 95, 2A, 2B, ou 971 à 978 outre-mer)."
    )]
    UnknownDepartement {
        /// The code as typed (trimmed).
        code: String,
    },
    /// The commune number is 000.
    #[error("Le code INSEE « {code} » ne peut pas se terminer par 000.")]
    ZeroCommuneNumber {
        /// The code as typed (trimmed).
        code: String,
    },
    /// A municipal arrondissement of Paris, Lyon or Marseille, not a commune.
    #[error(
        "Le code INSEE « {code} » est celui d'un arrondissement municipal, pas d'une commune \
         (Paris 75056, Lyon 69123, Marseille 13055)."
    )]
    Arrondissement {
        /// The code as typed (trimmed).
        code: String,
    },
}

/// Why a typed SIREN number was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SirenError {
    /// Not exactly 9 digits once spaces are removed.
    #[error("Le SIREN doit comporter 9 chiffres (« {typed} » n'en a pas exactement 9).")]
    WrongFormat {
        /// The value as typed (trimmed).
        typed: String,
    },
    /// 9 digits, but the Luhn key does not match.
    #[error(
        "Le SIREN {siren} n'est pas valide : la clé de contrôle (Luhn) ne correspond pas. \
         Vérifiez la saisie."
    )]
    BadChecksum {
        /// The 9 digits.
        siren: String,
    },
}

/// Checks an INSEE commune code and returns it normalised (spaces removed, upper case:
/// `2a004` → `2A004`, `08 190` → `08190`).
///
/// Accepts metropolitan codes (département 01–95 + 3 digits), Corsica (2A/2B + 3 digits) and
/// overseas codes (971–978 + 2 digits). A well-formed code is not necessarily an existing commune.
pub fn normalize_insee_code(input: &str) -> Result<String, InseeCodeError> {
    let code: String = input
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_uppercase();
    let chars: Vec<char> = code.chars().collect();
    if chars.len() != 5 {
        return Err(InseeCodeError::WrongLength { code });
    }
    let all_digits = |slice: &[char]| slice.iter().all(char::is_ascii_digit);
    if chars[0] == '2' && (chars[1] == 'A' || chars[1] == 'B') {
        if !all_digits(&chars[2..]) {
            return Err(InseeCodeError::NotDigits { code });
        }
    } else if !all_digits(&chars) {
        return Err(InseeCodeError::NotDigits { code });
    } else if code.starts_with("20") {
        return Err(InseeCodeError::CorsicaPrefix { code });
    } else if code.starts_with("97") {
        if !('1'..='8').contains(&chars[2]) {
            return Err(InseeCodeError::UnknownDepartement { code });
        }
    } else {
        let departement: u8 = code[..2].parse().unwrap_or(0);
        if !(1..=95).contains(&departement) {
            return Err(InseeCodeError::UnknownDepartement { code });
        }
    }
    if code.ends_with("000") {
        return Err(InseeCodeError::ZeroCommuneNumber { code });
    }
    if is_arrondissement(&code) {
        return Err(InseeCodeError::Arrondissement { code });
    }
    Ok(code)
}

fn is_arrondissement(code: &str) -> bool {
    let in_range = |prefix: &str, low: u32, high: u32| {
        code.strip_prefix(prefix)
            .and_then(|rest| rest.parse::<u32>().ok())
            .is_some_and(|n| (low..=high).contains(&n))
    };
    in_range("751", 1, 20) || in_range("6938", 1, 9) || in_range("132", 1, 16)
}

/// The département code an INSEE commune code starts with (`2A004` → `2A`, `97302` → `973`).
pub fn departement_of_insee_code(code: &str) -> Option<&str> {
    let prefix_len = if code.starts_with("97") { 3 } else { 2 };
    code.get(..prefix_len)
}

/// Checks a SIREN number (spaces allowed) and returns its 9 digits.
pub fn normalize_siren(input: &str) -> Result<String, SirenError> {
    let digits: String = input.chars().filter(|c| !c.is_whitespace()).collect();
    if digits.len() != 9 || !digits.chars().all(|c| c.is_ascii_digit()) {
        return Err(SirenError::WrongFormat {
            typed: input.trim().to_string(),
        });
    }
    if !luhn_is_valid(&digits) {
        return Err(SirenError::BadChecksum { siren: digits });
    }
    Ok(digits)
}

/// Whether a string of ASCII digits passes the Luhn check (sum multiple of 10).
fn luhn_is_valid(digits: &str) -> bool {
    let sum: u32 = digits
        .bytes()
        .rev()
        .enumerate()
        .map(|(index, byte)| {
            let digit = u32::from(byte - b'0');
            if index % 2 == 1 {
                let doubled = digit * 2;
                if doubled > 9 {
                    doubled - 9
                } else {
                    doubled
                }
            } else {
                digit
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn metropolitan_corsican_and_overseas_codes_are_accepted() {
        for code in [
            "08190", "57672", "74010", "64102", "2A004", "2B033", "97302", "97101",
        ] {
            assert_eq!(normalize_insee_code(code), Ok(code.to_string()), "{code}");
        }
        assert_eq!(normalize_insee_code("97701"), Ok("97701".into()));
        assert_eq!(normalize_insee_code("97801"), Ok("97801".into()));
        assert_eq!(normalize_insee_code("97608"), Ok("97608".into()));
    }

    #[test]
    fn codes_are_trimmed_and_upper_cased() {
        assert_eq!(normalize_insee_code(" 2a004 "), Ok("2A004".into()));
        assert_eq!(normalize_insee_code("2b033"), Ok("2B033".into()));
        assert_eq!(normalize_insee_code("08 190"), Ok("08190".into()));
    }

    #[test]
    fn a_short_code_says_five_characters() {
        let error = normalize_insee_code("1234").unwrap_err();
        assert_eq!(
            error.to_string(),
            "Le code INSEE « 1234 » doit comporter 5 caractères (ex. 08190 ou 2A004)."
        );
        assert!(matches!(
            normalize_insee_code("081900"),
            Err(InseeCodeError::WrongLength { .. })
        ));
    }

    #[test]
    fn corsican_codes_starting_with_20_are_refused_with_an_explanation() {
        let error = normalize_insee_code("20004").unwrap_err();
        assert!(matches!(error, InseeCodeError::CorsicaPrefix { .. }));
        assert!(error
            .to_string()
            .contains("commence par 2A (Corse-du-Sud) ou 2B"));
    }

    #[test]
    fn malformed_codes_are_refused() {
        let refused = |code: &str| normalize_insee_code(code).unwrap_err();
        assert!(matches!(refused("08A90"), InseeCodeError::NotDigits { .. }));
        assert!(matches!(refused("2C004"), InseeCodeError::NotDigits { .. }));
        assert!(matches!(refused("2A0X4"), InseeCodeError::NotDigits { .. }));
        assert!(matches!(
            refused("97901"),
            InseeCodeError::UnknownDepartement { .. }
        ));
        assert!(matches!(
            refused("97001"),
            InseeCodeError::UnknownDepartement { .. }
        ));
        assert!(matches!(
            refused("96001"),
            InseeCodeError::UnknownDepartement { .. }
        ));
        assert!(matches!(
            refused("98801"),
            InseeCodeError::UnknownDepartement { .. }
        ));
        assert!(matches!(
            refused("00123"),
            InseeCodeError::UnknownDepartement { .. }
        ));
        assert!(matches!(
            refused("08000"),
            InseeCodeError::ZeroCommuneNumber { .. }
        ));
        assert!(matches!(
            refused("75104"),
            InseeCodeError::Arrondissement { .. }
        ));
        assert!(matches!(
            refused("69383"),
            InseeCodeError::Arrondissement { .. }
        ));
        assert!(matches!(
            refused("13201"),
            InseeCodeError::Arrondissement { .. }
        ));
        assert_eq!(normalize_insee_code("75056"), Ok("75056".into()));
    }

    #[test]
    fn the_departement_is_read_from_the_code() {
        assert_eq!(departement_of_insee_code("08190"), Some("08"));
        assert_eq!(departement_of_insee_code("2A004"), Some("2A"));
        assert_eq!(departement_of_insee_code("97302"), Some("973"));
    }

    #[test]
    fn luhn_is_computed_by_hand_for_a_real_epci_siren() {
        // 200067213 from the right: 3, 1×2=2, 2, 7×2=14→5, 6, 0×2=0, 0, 0×2=0, 2 → sum 20.
        let contributions = [3, 2, 2, 5, 6, 0, 0, 0, 2];
        assert_eq!(contributions.iter().sum::<u32>(), 20);
        assert!(luhn_is_valid("200067213"));
        assert_eq!(normalize_siren("200067213"), Ok("200067213".into()));
    }

    #[test]
    fn valid_sirens_are_accepted_with_spaces() {
        for siren in ["200073344", "243000650", "246600548", "200067023"] {
            assert_eq!(normalize_siren(siren), Ok(siren.to_string()));
        }
        assert_eq!(normalize_siren(" 200 067 213 "), Ok("200067213".into()));
    }

    #[test]
    fn wrong_length_and_letters_say_nine_digits() {
        for typed in ["20006721", "2000672130", "20006721A", ""] {
            let error = normalize_siren(typed).unwrap_err();
            assert!(matches!(error, SirenError::WrongFormat { .. }), "{typed}");
            assert!(error
                .to_string()
                .starts_with("Le SIREN doit comporter 9 chiffres"));
        }
    }

    #[test]
    fn a_bad_luhn_key_is_reported() {
        let error = normalize_siren("123456789").unwrap_err();
        assert_eq!(
            error.to_string(),
            "Le SIREN 123456789 n'est pas valide : la clé de contrôle (Luhn) ne correspond pas. \
             Vérifiez la saisie."
        );
        assert!(matches!(
            normalize_siren("200034582"),
            Err(SirenError::BadChecksum { .. })
        ));
    }
}
