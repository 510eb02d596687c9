//! Geometry of the radar chart of theme scores, for the app to draw as inline SVG.
//!
//! SVG coordinates: x grows to the right, y grows downwards. The first axis points straight up
//! and the others follow clockwise, evenly spaced. A value of 1.0 reaches the radius.

use std::f64::consts::{FRAC_PI_2, TAU};

use serde::Serialize;

use crate::questionnaire::ThemeResult;

/// Shares at which the background rings are drawn (25 %, 50 %, 75 %, 100 %).
pub const RING_SHARES: [f64; 4] = [0.25, 0.5, 0.75, 1.0];
/// Distance of the axis labels from the centre, as a multiple of the radius.
pub const LABEL_DISTANCE: f64 = 1.15;

/// A point in SVG coordinates.
pub type Point = (f64, f64);

/// How an axis label is anchored, as the SVG `text-anchor` attribute expects.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TextAnchor {
    /// The label starts at its point (right-hand side of the chart).
    Start,
    /// The label is centred on its point (top and bottom).
    Middle,
    /// The label ends at its point (left-hand side of the chart).
    End,
}

impl TextAnchor {
    /// The value of the SVG `text-anchor` attribute.
    pub fn as_str(self) -> &'static str {
        match self {
            TextAnchor::Start => "start",
            TextAnchor::Middle => "middle",
            TextAnchor::End => "end",
        }
    }
}

/// One axis of the chart.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Axis {
    /// The theme's title.
    pub label: String,
    /// The value (0.0 to 1.0), or `None` when the theme has nothing scored.
    pub value: Option<f64>,
    /// End of the axis line (value 1.0).
    pub end: Point,
    /// Where the value lies on the axis (the centre when there is no value).
    pub point: Point,
    /// Where to write the label.
    pub label_pos: Point,
    /// How to anchor the label.
    pub anchor: TextAnchor,
}

/// Everything needed to draw the chart.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct RadarLayout {
    /// The centre.
    pub center: Point,
    /// The radius (value 1.0).
    pub radius: f64,
    /// One axis per value, in order.
    pub axes: Vec<Axis>,
    /// The background rings, one polygon per share of [`RING_SHARES`].
    pub rings: Vec<Vec<Point>>,
    /// The polygon of the values (a missing value plots at the centre).
    pub polygon: Vec<Point>,
}

impl RadarLayout {
    /// Points as the SVG `points` attribute expects: "x1,y1 x2,y2 …", two decimals.
    pub fn svg_points(points: &[Point]) -> String {
        points
            .iter()
            .map(|(x, y)| format!("{x:.2},{y:.2}"))
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// Lays out a radar chart: one axis per value, the first straight up, clockwise.
pub fn radar_layout<S: AsRef<str>>(
    values: &[(S, Option<f64>)],
    radius: f64,
    center: Point,
) -> RadarLayout {
    let count = values.len();
    let at = |index: usize, distance: f64| -> Point {
        // Axis index / count of the full turn, starting from straight up (-90°).
        let angle = TAU * index as f64 / count as f64 - FRAC_PI_2;
        (
            center.0 + distance * angle.cos(),
            center.1 + distance * angle.sin(),
        )
    };
    let axes: Vec<Axis> = values
        .iter()
        .enumerate()
        .map(|(index, (label, value))| {
            let value = value.map(|v| v.clamp(0.0, 1.0));
            let label_pos = at(index, radius * LABEL_DISTANCE);
            let dx = label_pos.0 - center.0;
            let anchor = if dx.abs() < radius * 0.1 {
                TextAnchor::Middle
            } else if dx > 0.0 {
                TextAnchor::Start
            } else {
                TextAnchor::End
            };
            Axis {
                label: label.as_ref().to_string(),
                value,
                end: at(index, radius),
                point: at(index, radius * value.unwrap_or(0.0)),
                label_pos,
                anchor,
            }
        })
        .collect();
    let rings = if count == 0 {
        Vec::new()
    } else {
        RING_SHARES
            .iter()
            .map(|share| (0..count).map(|i| at(i, radius * share)).collect())
            .collect()
    };
    let polygon = axes.iter().map(|axis| axis.point).collect();
    RadarLayout {
        center,
        radius,
        axes,
        rings,
        polygon,
    }
}

/// The chart's values: one per theme that is not "non concerné", in order (title, share).
pub fn radar_values(results: &[ThemeResult]) -> Vec<(String, Option<f64>)> {
    results
        .iter()
        .filter(|r| !r.not_concerned)
        .map(|r| (r.title.clone(), r.share))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: Point, b: Point) -> bool {
        (a.0 - b.0).abs() < 1e-9 && (a.1 - b.1).abs() < 1e-9
    }

    #[test]
    fn the_first_axis_points_straight_up_and_one_reaches_the_radius() {
        let layout = radar_layout(
            &[("A", Some(1.0)), ("B", Some(0.5)), ("C", None)],
            100.0,
            (150.0, 150.0),
        );
        assert!(close(layout.axes[0].end, (150.0, 50.0)));
        assert!(close(layout.axes[0].point, (150.0, 50.0)));
        assert_eq!(layout.axes[0].anchor, TextAnchor::Middle);
        // A missing value plots at the centre but stays flagged as missing.
        assert!(close(layout.axes[2].point, (150.0, 150.0)));
        assert_eq!(layout.axes[2].value, None);
        assert_eq!(layout.polygon.len(), 3);
    }

    #[test]
    fn axes_are_evenly_spaced_clockwise() {
        let values: Vec<(String, Option<f64>)> =
            (0..4).map(|i| (format!("T{i}"), Some(1.0))).collect();
        let layout = radar_layout(&values, 10.0, (0.0, 0.0));
        let ends: Vec<Point> = layout.axes.iter().map(|a| a.end).collect();
        assert!(close(ends[0], (0.0, -10.0)));
        assert!(close(ends[1], (10.0, 0.0)));
        assert!(close(ends[2], (0.0, 10.0)));
        assert!(close(ends[3], (-10.0, 0.0)));
        assert_eq!(layout.axes[1].anchor, TextAnchor::Start);
        assert_eq!(layout.axes[3].anchor, TextAnchor::End);
        let twelve: Vec<(&str, Option<f64>)> = (0..12).map(|_| ("T", Some(0.5))).collect();
        let layout = radar_layout(&twelve, 10.0, (0.0, 0.0));
        for pair in layout.axes.windows(2) {
            let angle = |p: Point| p.1.atan2(p.0);
            let step = (angle(pair[1].end) - angle(pair[0].end)).rem_euclid(TAU);
            assert!((step - TAU / 12.0).abs() < 1e-9);
        }
    }

    #[test]
    fn rings_mark_quarters_and_values_are_clamped() {
        let layout = radar_layout(
            &[("A", Some(1.7)), ("B", Some(-0.2)), ("C", Some(0.25))],
            80.0,
            (0.0, 0.0),
        );
        assert_eq!(layout.rings.len(), 4);
        assert!(close(layout.rings[0][0], (0.0, -20.0)));
        assert!(close(layout.rings[3][0], (0.0, -80.0)));
        assert_eq!(layout.axes[0].value, Some(1.0));
        assert!(close(layout.axes[1].point, (0.0, 0.0)));
        assert_eq!(
            RadarLayout::svg_points(&layout.rings[0][..1]),
            "0.00,-20.00"
        );
        assert_eq!(radar_layout::<&str>(&[], 10.0, (0.0, 0.0)).rings.len(), 0);
    }
}
