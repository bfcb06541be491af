//! Orthogonal routes for relationship lines. A line leaves the referencing table's left or
//! right side at the foreign-key column's row and enters the referenced table's side at the
//! referenced column's row. Candidate routes (each pair of sides, a few channel positions,
//! detours above, below or between the tables) are ranked by the number of other tables
//! they pass through, then by bends, then by length; the first best one wins, so the same
//! positions always give the same route.

use super::obstacles::Obstacles;
use super::{Point, Rect};

/// Straight run at each end, long enough for the notation drawn there.
pub(super) const STUB: f32 = 26.0;
/// Distance between parallel lines that would otherwise run on top of each other.
const LANE: f32 = 8.0;
/// Clearance kept from tables when going around them.
const MARGIN: f32 = 14.0;
/// At most this many channel positions taken from the tables in the way.
const DERIVED: usize = 6;

/// One end of a relationship: the table's area and the height where the line meets it.
#[derive(Debug, Clone, Copy)]
pub(super) struct End {
    /// The table's area.
    pub rect: Rect,
    /// The row's centre height (or the header's).
    pub y: f32,
}

/// A chosen route.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Route {
    /// The polyline from the referencing side to the referenced side.
    pub points: Vec<Point>,
    /// Which way the line leaves the referencing table (-1 left, 1 right).
    pub start_dir: f32,
    /// Which way the line leaves the referenced table, seen from that table.
    pub end_dir: f32,
}

/// A candidate route: at most six points, kept on the stack.
#[derive(Clone, Copy)]
struct Candidate {
    points: [Point; 6],
    len: usize,
    start_dir: f32,
    end_dir: f32,
    bends: usize,
    length: f32,
}

impl Candidate {
    /// A candidate through `points`, with repeated and collinear points dropped.
    fn new(raw: &[Point], start_dir: f32, end_dir: f32) -> Self {
        let mut points = [Point::default(); 6];
        let mut len = 0;
        for &p in raw {
            if len > 0 && points[len - 1] == p {
                continue;
            }
            if len >= 2 {
                let (a, b) = (points[len - 2], points[len - 1]);
                if (a.x == b.x && b.x == p.x) || (a.y == b.y && b.y == p.y) {
                    points[len - 1] = p;
                    continue;
                }
            }
            points[len] = p;
            len += 1;
        }
        let length = points[..len]
            .windows(2)
            .map(|w| (w[1].x - w[0].x).abs() + (w[1].y - w[0].y).abs())
            .sum();
        Self {
            points,
            len,
            start_dir,
            end_dir,
            bends: len.saturating_sub(2),
            length,
        }
    }

    fn points(&self) -> &[Point] {
        &self.points[..self.len]
    }
}

/// Lane `n` as an offset: 0, +1, -1, +2, -2, ... lanes.
fn lane_offset(lane: usize) -> f32 {
    let step = lane.div_ceil(2) as f32 * LANE;
    if lane % 2 == 1 { step } else { -step }
}

/// The candidates for one pair of sides, given channel positions.
fn candidates_for(
    from: End,
    to: End,
    (sa, sb): (f32, f32),
    lane: usize,
    (xs, ys): (&[f32], &[f32]),
    out: &mut Vec<Candidate>,
) {
    let side = |r: &Rect, s: f32| if s > 0.0 { r.max.x } else { r.min.x };
    let s = Point::new(side(&from.rect, sa), from.y);
    let e = Point::new(side(&to.rect, sb), to.y);
    let (s_out, e_out) = (s.x + sa * STUB, e.x + sb * STUB);
    let elbow = |x: f32| [s, Point::new(x, s.y), Point::new(x, e.y), e];
    if sa != sb {
        // Facing sides: one vertical channel between them.
        let (lo, hi) = if sa > 0.0 {
            (s_out, e_out)
        } else {
            (e_out, s_out)
        };
        if lo <= hi {
            let mid = ((lo + hi) / 2.0 + lane_offset(lane)).clamp(lo, hi);
            out.push(Candidate::new(&elbow(mid), sa, sb));
            for &x in xs.iter().filter(|x| (lo..=hi).contains(*x)) {
                out.push(Candidate::new(&elbow(x), sa, sb));
            }
        }
    } else {
        // The same side: one vertical channel beyond both.
        let outer = if sa > 0.0 {
            s_out.max(e_out)
        } else {
            s_out.min(e_out)
        };
        out.push(Candidate::new(
            &elbow(outer + sa * lane as f32 * LANE),
            sa,
            sb,
        ));
        for &x in xs.iter().filter(|x| (*x - outer) * sa > 0.0) {
            out.push(Candidate::new(&elbow(x), sa, sb));
        }
    }
    // Around: out of each side, along a horizontal channel, into the other side.
    let (s_out, e_out) = (
        s_out + sa * lane as f32 * LANE,
        e_out + sb * lane as f32 * LANE,
    );
    for &y in ys {
        let points = [
            s,
            Point::new(s_out, s.y),
            Point::new(s_out, y),
            Point::new(e_out, y),
            Point::new(e_out, e.y),
            e,
        ];
        out.push(Candidate::new(&points, sa, sb));
    }
}

/// Horizontal channels around and between two tables.
fn base_channels(a: &Rect, b: &Rect, lane: usize) -> Vec<f32> {
    let shift = lane as f32 * LANE;
    let mut ys = vec![
        a.min.y.min(b.min.y) - MARGIN - shift,
        a.max.y.max(b.max.y) + MARGIN + shift,
    ];
    let (upper, lower) = if a.min.y <= b.min.y { (a, b) } else { (b, a) };
    if upper.max.y + 2.0 * MARGIN <= lower.min.y {
        ys.insert(0, (upper.max.y + lower.min.y) / 2.0 + lane_offset(lane));
    }
    ys
}

/// Channel positions just beside the tables between and around the two ends: `DERIVED`
/// values on each axis closest to the middle, whatever order the tables come in.
fn derived_channels(obstacles: &mut Obstacles, from: &Rect, to: &Rect) -> (Vec<f32>, Vec<f32>) {
    let area = from.union(to).expand(STUB + 2.0 * MARGIN);
    let near = obstacles.within(&area, [from, to]);
    let center = area.center();
    let pick = |mut values: Vec<f32>, mid: f32| {
        values.sort_by(|a, b| {
            (a - mid)
                .abs()
                .total_cmp(&(b - mid).abs())
                .then(a.total_cmp(b))
        });
        values.dedup();
        values.truncate(DERIVED);
        values
    };
    let xs = near
        .iter()
        .flat_map(|r| [r.min.x - MARGIN, r.max.x + MARGIN])
        .collect();
    let ys = near
        .iter()
        .flat_map(|r| [r.min.y - MARGIN, r.max.y + MARGIN])
        .chain(
            near.iter()
                .map(|r| r.min.y)
                .reduce(f32::min)
                .map(|y| y - MARGIN),
        )
        .chain(
            near.iter()
                .map(|r| r.max.y)
                .reduce(f32::max)
                .map(|y| y + MARGIN),
        )
        .collect();
    (pick(xs, center.x), pick(ys, center.y))
}

/// Picks the candidate with the fewest crossings, then bends, then length; ties go to the
/// earlier candidate. Returns it with its crossing count.
fn best(obstacles: &mut Obstacles, mut candidates: Vec<Candidate>) -> Option<(Candidate, usize)> {
    candidates.sort_by(|a, b| a.bends.cmp(&b.bends).then(a.length.total_cmp(&b.length)));
    // Most lines have a free route: look for one, giving up on each candidate at its first
    // crossing, before counting crossings in full.
    if let Some(free) = candidates
        .iter()
        .find(|c| obstacles.crossings(c.points(), 1) == 0)
    {
        return Some((*free, 0));
    }
    let mut chosen: Option<(Candidate, usize)> = None;
    for candidate in candidates {
        let limit = chosen.map_or(usize::MAX, |(_, c)| c);
        let crossings = obstacles.crossings(candidate.points(), limit);
        if crossings < limit {
            chosen = Some((candidate, crossings));
        }
    }
    chosen
}

const SIDES: [(f32, f32); 4] = [(1.0, -1.0), (-1.0, 1.0), (1.0, 1.0), (-1.0, -1.0)];

/// The route between two different tables. `lane` separates relationships between the same
/// two tables.
pub(super) fn route(obstacles: &mut Obstacles, from: End, to: End, lane: usize) -> Route {
    let ys = base_channels(&from.rect, &to.rect, lane);
    let mut candidates = Vec::with_capacity(24);
    for sides in SIDES {
        candidates_for(from, to, sides, lane, (&[], &ys), &mut candidates);
    }
    let mut chosen = best(obstacles, candidates);
    if chosen.is_some_and(|(_, crossings)| crossings > 0) {
        // Something is in the way: try channels beside the tables that block as well.
        let (xs, mut more_ys) = derived_channels(obstacles, &from.rect, &to.rect);
        more_ys.extend(ys);
        let mut more = Vec::with_capacity(96);
        for sides in SIDES {
            candidates_for(from, to, sides, lane, (&xs, &more_ys), &mut more);
        }
        chosen = best(obstacles, more).or(chosen);
    }
    match chosen {
        Some((c, _)) => Route {
            points: c.points().to_vec(),
            start_dir: c.start_dir,
            end_dir: c.end_dir,
        },
        None => Route {
            points: vec![
                Point::new(from.rect.max.x, from.y),
                Point::new(to.rect.min.x, to.y),
            ],
            start_dir: 1.0,
            end_dir: -1.0,
        },
    }
}

/// A loop for a table referencing itself: out of one side at the foreign-key row and back
/// in at the referenced row, the `lane`-th loop further out. The right side is used unless
/// the left one passes through fewer tables.
pub(super) fn self_loop(
    obstacles: &mut Obstacles,
    rect: Rect,
    from_y: f32,
    to_y: f32,
    lane: usize,
) -> Route {
    // A column referencing its own row (or a collapsed table): keep the two ends apart.
    let (from_y, to_y) = if (from_y - to_y).abs() < 8.0 {
        (from_y - 5.0, to_y + 5.0)
    } else {
        (from_y, to_y)
    };
    let reach = STUB + 6.0 + lane as f32 * LANE * 1.5;
    let loop_on = |dir: f32| {
        let edge = if dir > 0.0 { rect.max.x } else { rect.min.x };
        let x = edge + dir * reach;
        vec![
            Point::new(edge, from_y),
            Point::new(x, from_y),
            Point::new(x, to_y),
            Point::new(edge, to_y),
        ]
    };
    let right = loop_on(1.0);
    let right_crossings = obstacles.crossings(&right, usize::MAX);
    let dir = if right_crossings > 0
        && obstacles.crossings(&loop_on(-1.0), right_crossings) < right_crossings
    {
        -1.0
    } else {
        1.0
    };
    Route {
        points: if dir > 0.0 { right } else { loop_on(-1.0) },
        start_dir: dir,
        end_dir: dir,
    }
}
