//! Searching, filtering and sorting the territories table. The search is accent- and
//! case-insensitive and reads the keys folded once per row, so a query over a thousand rows
//! stays cheap.

use std::cmp::Ordering;
use std::collections::BTreeMap;

use crate::bundle::MotStatus;

use super::normalize::normalize_for_search;
use super::rows::TerritoryRow;

/// A column of the territories table, to sort on.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Column {
    /// Commune name (accent-insensitive).
    #[default]
    Commune,
    /// INSEE code.
    InseeCode,
    /// Département code.
    Departement,
    /// Neighbouring countries (first name).
    Countries,
    /// Interreg programmes (first short name).
    Programmes,
    /// Completion percentage.
    Completion,
    /// Overall score percentage (rows without a score last).
    OverallScore,
    /// Revision counter.
    Revision,
    /// Last change by the town.
    UpdatedAt,
    /// MOT's status, in workflow order.
    MotStatus,
}

/// Sort direction.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Direction {
    /// Smallest first (A to Z).
    #[default]
    Ascending,
    /// Largest first (Z to A).
    Descending,
}

/// Filters per column; `None` (or an empty bound) lets every row through.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filters {
    /// Only this département code.
    pub departement: Option<String>,
    /// Only territories bordering this country code.
    pub country: Option<String>,
    /// Only territories in this programme id.
    pub programme: Option<String>,
    /// Only this MOT status.
    pub mot_status: Option<MotStatus>,
    /// Completion at least this percentage.
    pub min_completion: Option<u8>,
    /// Completion at most this percentage.
    pub max_completion: Option<u8>,
    /// Overall score at least this percentage (rows without a score are left out).
    pub min_score: Option<u8>,
    /// Overall score at most this percentage (rows without a score are left out).
    pub max_score: Option<u8>,
    /// Changed on or after this date (`AAAA-MM-JJ`, compared with the start of `updated_at`).
    pub updated_from: Option<String>,
    /// Changed on or before this date (`AAAA-MM-JJ`).
    pub updated_to: Option<String>,
}

/// What the table shows: a text search, filters per column and one sort.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TableQuery {
    /// Words to find (all of them) in commune, INSEE code, département or programmes.
    pub search: String,
    /// Filters per column.
    pub filters: Filters,
    /// Column and direction to sort on; ties are broken by commune then id.
    pub sort: (Column, Direction),
}

/// The rows that pass the search and the filters, sorted.
pub fn apply_query<'r>(rows: &'r [TerritoryRow], query: &TableQuery) -> Vec<&'r TerritoryRow> {
    query_positions(rows, query)
        .into_iter()
        .filter_map(|position| rows.get(position))
        .collect()
}

/// The positions in `rows` of the rows that pass the search and the filters, sorted: what
/// [`apply_query`] keeps, for a page that holds the rows once and shows some of them.
pub fn query_positions(rows: &[TerritoryRow], query: &TableQuery) -> Vec<usize> {
    let folded = normalize_for_search(&query.search);
    let terms: Vec<&str> = folded.split(' ').filter(|t| !t.is_empty()).collect();
    let mut kept: Vec<(usize, &TerritoryRow)> = rows
        .iter()
        .enumerate()
        .filter(|(_, row)| terms.iter().all(|term| row.search_text().contains(term)))
        .filter(|(_, row)| passes(row, &query.filters))
        .collect();
    let (column, direction) = query.sort;
    kept.sort_by(|(_, a), (_, b)| {
        let primary = match (column, direction) {
            // Rows without a score stay last whichever the direction.
            (Column::OverallScore, _) => match (a.overall_percent, b.overall_percent) {
                (Some(x), Some(y)) => directed(x.cmp(&y), direction),
                (Some(_), None) => Ordering::Less,
                (None, Some(_)) => Ordering::Greater,
                (None, None) => Ordering::Equal,
            },
            _ => directed(compare(a, b, column), direction),
        };
        primary
            .then_with(|| a.sort_name().cmp(b.sort_name()))
            .then_with(|| a.diagnostic_id.cmp(&b.diagnostic_id))
    });
    kept.into_iter().map(|(position, _)| position).collect()
}

fn directed(ordering: Ordering, direction: Direction) -> Ordering {
    match direction {
        Direction::Ascending => ordering,
        Direction::Descending => ordering.reverse(),
    }
}

fn compare(a: &TerritoryRow, b: &TerritoryRow, column: Column) -> Ordering {
    match column {
        Column::Commune => a.sort_name().cmp(b.sort_name()),
        Column::InseeCode => a.insee_code.cmp(&b.insee_code),
        Column::Departement => a.departement_code.cmp(&b.departement_code),
        Column::Countries => a.countries.first().cmp(&b.countries.first()),
        Column::Programmes => a.programmes.first().cmp(&b.programmes.first()),
        Column::Completion => a.completion_percent.cmp(&b.completion_percent),
        Column::OverallScore => a.overall_percent.cmp(&b.overall_percent),
        Column::Revision => a.revision.cmp(&b.revision),
        Column::UpdatedAt => crate::bundle::compare_timestamps(&a.updated_at, &b.updated_at),
        Column::MotStatus => a.mot_status.cmp(&b.mot_status),
    }
}

fn passes(row: &TerritoryRow, filters: &Filters) -> bool {
    let within = |value: u8, min: Option<u8>, max: Option<u8>| {
        min.is_none_or(|m| value >= m) && max.is_none_or(|m| value <= m)
    };
    let date = row.updated_at.get(..10).unwrap_or(&row.updated_at);
    filters
        .departement
        .as_ref()
        .is_none_or(|d| row.departement_code.as_ref() == Some(d))
        && filters
            .country
            .as_ref()
            .is_none_or(|c| row.country_codes.contains(c))
        && filters
            .programme
            .as_ref()
            .is_none_or(|p| row.programme_ids.contains(p))
        && filters.mot_status.is_none_or(|s| row.mot_status == s)
        && within(
            row.completion_percent,
            filters.min_completion,
            filters.max_completion,
        )
        && (filters.min_score.is_none() && filters.max_score.is_none()
            || row
                .overall_percent
                .is_some_and(|s| within(s, filters.min_score, filters.max_score)))
        && filters
            .updated_from
            .as_deref()
            .is_none_or(|from| date >= from)
        && filters.updated_to.as_deref().is_none_or(|to| date <= to)
}

/// The values present in the rows, to fill the filter lists: (code, label) pairs sorted by code
/// (départements) or by label (countries, programmes), and the statuses in workflow order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FilterChoices {
    /// Départements: code and "code – name".
    pub departements: Vec<(String, String)>,
    /// Countries: code and name.
    pub countries: Vec<(String, String)>,
    /// Programmes: id and short name.
    pub programmes: Vec<(String, String)>,
    /// MOT statuses present.
    pub mot_statuses: Vec<MotStatus>,
}

/// The filter values found in the rows.
pub fn filter_choices(rows: &[TerritoryRow]) -> FilterChoices {
    let mut departements = BTreeMap::new();
    let mut countries = BTreeMap::new();
    let mut programmes = BTreeMap::new();
    let mut statuses = Vec::new();
    for row in rows {
        if let Some(code) = &row.departement_code {
            departements
                .entry(code.clone())
                .or_insert_with(|| row.departement_label());
        }
        for (code, name) in row.country_codes.iter().zip(&row.countries) {
            countries
                .entry(code.clone())
                .or_insert_with(|| name.clone());
        }
        for (id, name) in row.programme_ids.iter().zip(&row.programmes) {
            programmes.entry(id.clone()).or_insert_with(|| name.clone());
        }
        if !statuses.contains(&row.mot_status) {
            statuses.push(row.mot_status);
        }
    }
    statuses.sort();
    let by_label = |map: BTreeMap<String, String>| {
        let mut pairs: Vec<(String, String)> = map.into_iter().collect();
        pairs.sort_by_cached_key(|(_, label)| normalize_for_search(label));
        pairs
    };
    FilterChoices {
        departements: departements.into_iter().collect(),
        countries: by_label(countries),
        programmes: by_label(programmes),
        mot_statuses: statuses,
    }
}
