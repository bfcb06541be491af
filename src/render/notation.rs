//! Crow's foot notation at the ends of a relationship line: a crow's foot for "many", a bar
//! for "one", a circle for "zero" (optional).

use super::routing::Route;
use super::{Point, Primitive};
use crate::model::{Cardinality, Color};

/// Half the height of a crow's foot and of a bar.
const SPREAD: f32 = 6.0;
/// Radius of the "zero" circle.
const RADIUS: f32 = 4.0;

/// How the notation is drawn: line width, line colour and the fill of circles.
#[derive(Debug, Clone, Copy)]
pub(super) struct Pen {
    /// Line width.
    pub width: f32,
    /// Line colour.
    pub color: Color,
    /// Circle fill (the background, so the line does not show through).
    pub fill: Color,
}

impl Pen {
    fn line(&self, points: Vec<Point>, out: &mut Vec<Primitive>) {
        out.push(Primitive::Line {
            points,
            width: self.width,
            color: self.color,
        });
    }

    /// A bar across the line at distance `at` from the table side.
    fn bar(&self, side: Point, dir: f32, at: f32, out: &mut Vec<Primitive>) {
        let x = side.x + dir * at;
        self.line(
            vec![
                Point::new(x, side.y - SPREAD),
                Point::new(x, side.y + SPREAD),
            ],
            out,
        );
    }

    /// A circle on the line, its centre at distance `at` from the table side.
    fn circle(&self, side: Point, dir: f32, at: f32, out: &mut Vec<Primitive>) {
        out.push(Primitive::Circle {
            center: Point::new(side.x + dir * at, side.y),
            radius: RADIUS,
            fill: Some(self.fill),
            stroke: (self.width, self.color),
        });
    }

    /// Three prongs spreading from a point on the line out to the table side.
    fn crows_foot(&self, side: Point, dir: f32, out: &mut Vec<Primitive>) {
        let joint = Point::new(side.x + dir * 12.0, side.y);
        self.line(
            vec![
                Point::new(side.x, side.y - SPREAD),
                joint,
                Point::new(side.x, side.y + SPREAD),
            ],
            out,
        );
    }
}

/// Pushes the notation for both ends of `route`. The referencing (child) end shows "zero or
/// many" (circle and crow's foot) or, for one-to-one, "zero or one" (circle and bar); the
/// referenced (parent) end shows "exactly one" (two bars) or "zero or one" (circle and bar)
/// when the foreign key is nullable.
pub(super) fn ends(route: &Route, cardinality: Cardinality, pen: Pen, out: &mut Vec<Primitive>) {
    let (Some(&start), Some(&end)) = (route.points.first(), route.points.last()) else {
        return;
    };
    let dir = route.start_dir;
    if cardinality.child_many {
        pen.crows_foot(start, dir, out);
        pen.circle(start, dir, 12.0 + RADIUS + 2.0, out);
    } else {
        pen.bar(start, dir, 8.0, out);
        pen.circle(start, dir, 14.0 + RADIUS, out);
    }
    let dir = route.end_dir;
    pen.bar(end, dir, 7.0, out);
    if cardinality.parent_optional {
        pen.circle(end, dir, 13.0 + RADIUS, out);
    } else {
        pen.bar(end, dir, 12.0, out);
    }
}
