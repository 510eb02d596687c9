//! The radar chart of theme scores, drawn as inline SVG from the domain's layout, followed by
//! the data table that is its accessible alternative (same values, in %).

use domain::questionnaire::ThemeResult;
use domain::report::{radar_layout, Point, RadarLayout};
use leptos::prelude::*;

/// Width of the drawing (SVG user units); labels need room on both sides.
const WIDTH: f64 = 720.0;
/// Height of the drawing.
const HEIGHT: f64 = 470.0;
/// Radius of the 100 % ring.
const RADIUS: f64 = 150.0;
/// Longest label line, in characters, before it wraps.
const LABEL_LINE: usize = 18;

/// One axis of the chart: a theme that concerns the town.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartTheme {
    /// Id of the theme.
    pub id: String,
    /// Title of the theme.
    pub title: String,
    /// Share of the potential as a whole percentage; `None` when nothing is scored yet.
    pub percent: Option<u8>,
    /// Points scored.
    pub points: u32,
    /// Points that could be scored.
    pub potential: u32,
    /// Questions answered "ne sait pas".
    pub unknown: usize,
}

impl ChartTheme {
    /// The themes of the chart: every theme not marked "non concerné", in order.
    pub fn from_results(results: &[ThemeResult]) -> Vec<ChartTheme> {
        results
            .iter()
            .filter(|result| !result.not_concerned)
            .map(|result| ChartTheme {
                id: result.step_id.clone(),
                title: result.title.clone(),
                percent: result.percent(),
                points: result.score.points,
                potential: result.score.potential,
                unknown: result.unknown,
            })
            .collect()
    }

    /// The value as the table writes it.
    pub fn value_text(&self) -> String {
        match self.percent {
            Some(percent) => format!("{percent} %"),
            // Something to score, but no scored question answered yet.
            None if self.potential > 0 => "Pas encore de réponse".to_string(),
            None => "Non évaluable".to_string(),
        }
    }
}

/// The radar chart and its data table.
#[component]
pub fn RadarChart(
    /// The themes to draw, one axis each.
    themes: Vec<ChartTheme>,
) -> impl IntoView {
    if themes.is_empty() {
        return view! {
            <p class="notice" data-testid="score-table">
                "Tous les thèmes sont marqués « non concerné » : il n'y a pas de score à montrer."
            </p>
        }
        .into_any();
    }
    if themes.len() < 3 {
        // A radar needs three axes to be a shape; the table alone says everything.
        return view! {
            <p class="notice">
                "Le graphique radar demande au moins trois thèmes concernés : les scores sont dans le tableau ci-dessous."
            </p>
            <ScoreTable themes/>
        }
        .into_any();
    }
    // The layout works on shares; the percentages shown are rounded the same way as the table.
    let values: Vec<(String, Option<f64>)> = themes
        .iter()
        .map(|t| (t.title.clone(), t.percent.map(|p| f64::from(p) / 100.0)))
        .collect();
    let layout = radar_layout(&values, RADIUS, (WIDTH / 2.0, HEIGHT / 2.0));
    let description = themes
        .iter()
        .map(|t| format!("{} : {}", t.title, t.value_text()))
        .collect::<Vec<_>>()
        .join(" ; ");
    let label =
        format!("Graphique radar de la maturité par thème, en part du potentiel. {description}.");
    let rings = layout
        .rings
        .iter()
        .map(|ring| {
            view! { <polygon class="radar__ring" points=RadarLayout::svg_points(ring)/> }
        })
        .collect_view();
    let ring_labels = ring_labels(&layout);
    let axes = themes
        .iter()
        .zip(&layout.axes)
        .map(|(theme, axis)| {
            let (cx, cy) = layout.center;
            let lines = wrap_label(&theme.title, LABEL_LINE);
            let count = lines.len() as f64;
            // Multi-line labels above the centre grow upwards, below it downwards.
            let first_dy = if axis.label_pos.1 < cy - 1.0 {
                -(count - 1.0) * 1.1
            } else if (axis.label_pos.1 - cy).abs() <= 1.0 {
                -(count - 1.0) * 0.55
            } else {
                0.0
            };
            let x = format!("{:.2}", axis.label_pos.0);
            let tspans = lines
                .into_iter()
                .enumerate()
                .map(|(index, line)| {
                    let dy = if index == 0 { first_dy } else { 1.1 };
                    view! { <tspan x=x.clone() dy=format!("{dy:.2}em")>{line}</tspan> }
                })
                .collect_view();
            view! {
                <g
                    class="radar__axis"
                    data-theme=theme.id.clone()
                    data-value=theme.percent.map(|p| p.to_string()).unwrap_or_default()
                >
                    <line
                        class="radar__axis-line"
                        x1=format!("{cx:.2}")
                        y1=format!("{cy:.2}")
                        x2=format!("{:.2}", axis.end.0)
                        y2=format!("{:.2}", axis.end.1)
                    />
                    <circle
                        class="radar__point"
                        class:radar__point--missing=theme.percent.is_none()
                        cx=format!("{:.2}", axis.point.0)
                        cy=format!("{:.2}", axis.point.1)
                        r="4"
                    />
                    <text
                        class="radar__label"
                        x=x.clone()
                        y=format!("{:.2}", axis.label_pos.1)
                        text-anchor=axis.anchor.as_str()
                        dominant-baseline="middle"
                    >
                        {tspans}
                    </text>
                </g>
            }
        })
        .collect_view();
    let polygon = RadarLayout::svg_points(&layout.polygon);
    let aria_label = label.clone();
    view! {
        <figure class="radar">
            <svg
                class="radar__svg"
                viewBox=format!("0 0 {WIDTH} {HEIGHT}")
                role="img"
                aria-label=aria_label
                data-testid="radar-chart"
            >
                <title>{label}</title>
                <g class="radar__rings">{rings}{ring_labels}</g>
                <polygon class="radar__values" points=polygon/>
                {axes}
            </svg>
            <figcaption class="radar__caption">
                "Chaque axe est un thème concerné ; plus le point est loin du centre, plus le thème est avancé "
                "(part des points possibles, de 0 à 100 %). Le tableau ci-dessous donne les mêmes valeurs."
            </figcaption>
        </figure>
        <ScoreTable themes/>
    }
    .into_any()
}

/// "25 %" … "100 %" along the first axis, which points straight up.
fn ring_labels(layout: &RadarLayout) -> impl IntoView {
    layout
        .rings
        .iter()
        .zip(domain::report::RING_SHARES)
        .filter_map(|(ring, share)| {
            let (x, y): Point = *ring.first()?;
            Some(view! {
                <text class="radar__ring-label" x=format!("{:.2}", x + 4.0) y=format!("{:.2}", y - 3.0)>
                    {format!("{:.0} %", share * 100.0)}
                </text>
            })
        })
        .collect_view()
}

/// The data table of the chart: one row per theme, the same values.
#[component]
fn ScoreTable(themes: Vec<ChartTheme>) -> impl IntoView {
    let rows = themes
        .into_iter()
        .map(|theme| {
            let value = theme.value_text();
            view! {
                <tr data-theme=theme.id.clone()>
                    <th scope="row">{theme.title.clone()}</th>
                    <td class="number" data-testid="score-value">{value}</td>
                    <td class="number">{format!("{} / {}", theme.points, theme.potential)}</td>
                    <td class="number">{theme.unknown}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="data-table score-table" data-testid="score-table">
            <caption>"Maturité par thème concerné (données du graphique)"</caption>
            <thead>
                <tr>
                    <th scope="col">"Thème"</th>
                    <th scope="col">"Score"</th>
                    <th scope="col">"Points obtenus / possibles"</th>
                    <th scope="col">"Réponses « ne sait pas »"</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
}

/// Splits a label into lines of about `width` characters, at spaces.
fn wrap_label(label: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in label.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::wrap_label;
    use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

    wasm_bindgen_test_configure!(run_in_browser);

    #[wasm_bindgen_test]
    fn labels_wrap_at_spaces() {
        assert_eq!(
            wrap_label("Environnement, eau, risques et énergie", 20),
            vec!["Environnement, eau,", "risques et énergie"]
        );
        assert_eq!(wrap_label("Mobilité", 20), vec!["Mobilité"]);
    }
}
