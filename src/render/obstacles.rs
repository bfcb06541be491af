//! A uniform grid of table areas, built once per scene, that tells which tables a line
//! passes through without looking at every table.

use super::{Point, Rect};

/// Table areas bucketed into grid cells (each table listed in every cell it touches).
pub(super) struct Obstacles {
    rects: Vec<Rect>,
    origin: Point,
    cell: f32,
    cols: usize,
    rows: usize,
    /// Where each cell's entries begin in `items` (one more entry than there are cells).
    starts: Vec<u32>,
    items: Vec<u32>,
    /// The query that last counted each table, so a table is counted once per query.
    stamp: Vec<u32>,
    query: u32,
}

/// Cell range (first column, last column, first row, last row) an area touches.
type CellRange = (usize, usize, usize, usize);

impl Obstacles {
    /// The index of the given areas. Cells are about as large as the average share of the
    /// covered area per table, so a table touches a handful of cells.
    pub(super) fn new(rects: Vec<Rect>) -> Self {
        let bounds = rects
            .iter()
            .copied()
            .reduce(|a, b| a.union(&b))
            .unwrap_or_default();
        let count = rects.len().max(1);
        let area = (bounds.width() * bounds.height()).max(1.0);
        let mut cell = (area / count as f32).sqrt().max(32.0);
        let dims = |cell: f32| {
            (
                ((bounds.width() / cell).ceil() as usize).max(1),
                ((bounds.height() / cell).ceil() as usize).max(1),
            )
        };
        let (mut cols, mut rows) = dims(cell);
        while cols * rows > 4 * count + 64 {
            cell *= 1.5;
            (cols, rows) = dims(cell);
        }
        let mut grid = Self {
            rects: Vec::new(),
            origin: bounds.min,
            cell,
            cols,
            rows,
            starts: vec![0; cols * rows + 1],
            items: Vec::new(),
            stamp: vec![0; rects.len()],
            query: 0,
        };
        let ranges: Vec<CellRange> = rects.iter().map(|r| grid.cells(r)).collect();
        for range in &ranges {
            each_cell(cols, *range, |c| grid.starts[c + 1] += 1);
        }
        for c in 0..cols * rows {
            grid.starts[c + 1] += grid.starts[c];
        }
        let mut fill = grid.starts.clone();
        grid.items = vec![0; grid.starts[cols * rows] as usize];
        for (i, range) in ranges.iter().enumerate() {
            each_cell(cols, *range, |c| {
                grid.items[fill[c] as usize] = i as u32;
                fill[c] += 1;
            });
        }
        grid.rects = rects;
        grid
    }

    fn cells(&self, r: &Rect) -> CellRange {
        let col = |x: f32| {
            (((x - self.origin.x) / self.cell).floor().max(0.0) as usize).min(self.cols - 1)
        };
        let row = |y: f32| {
            (((y - self.origin.y) / self.cell).floor().max(0.0) as usize).min(self.rows - 1)
        };
        (col(r.min.x), col(r.max.x), row(r.min.y), row(r.max.y))
    }

    /// Starts a new query: every table can be reported once again.
    fn begin(&mut self) {
        if self.query == u32::MAX {
            self.stamp.iter_mut().for_each(|s| *s = 0);
            self.query = 0;
        }
        self.query += 1;
    }

    /// Calls `f` with each table whose interior `area` enters and that was not reported yet
    /// in the current query, until `f` returns false.
    fn visit(&mut self, area: &Rect, mut f: impl FnMut(&Rect) -> bool) {
        let (x0, x1, y0, y1) = self.cells(area);
        for row in y0..=y1 {
            for col in x0..=x1 {
                let c = row * self.cols + col;
                for &i in &self.items[self.starts[c] as usize..self.starts[c + 1] as usize] {
                    let i = i as usize;
                    if self.stamp[i] == self.query {
                        continue;
                    }
                    let r = &self.rects[i];
                    if area.min.x < r.max.x
                        && r.min.x < area.max.x
                        && area.min.y < r.max.y
                        && r.min.y < area.max.y
                    {
                        self.stamp[i] = self.query;
                        if !f(r) {
                            return;
                        }
                    }
                }
            }
        }
    }

    /// How many tables the polyline passes through (touching an edge does not count), or
    /// `limit` as soon as it reaches that many.
    pub(super) fn crossings(&mut self, points: &[Point], limit: usize) -> usize {
        self.begin();
        let mut count = 0;
        for pair in points.windows(2) {
            let segment = Rect {
                min: Point::new(pair[0].x.min(pair[1].x), pair[0].y.min(pair[1].y)),
                max: Point::new(pair[0].x.max(pair[1].x), pair[0].y.max(pair[1].y)),
            };
            self.visit(&segment, |_| {
                count += 1;
                count < limit
            });
            if count >= limit {
                return limit;
            }
        }
        count
    }

    /// The tables inside `area` other than `except`, in no particular order.
    pub(super) fn within(&mut self, area: &Rect, except: [&Rect; 2]) -> Vec<Rect> {
        self.begin();
        let mut found = Vec::new();
        self.visit(area, |r| {
            if !except.contains(&r) {
                found.push(*r);
            }
            true
        });
        found
    }
}

fn each_cell(cols: usize, (x0, x1, y0, y1): CellRange, mut f: impl FnMut(usize)) {
    for row in y0..=y1 {
        for col in x0..=x1 {
            f(row * cols + col);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Obstacles;
    use crate::render::{Point, Rect};

    fn rect(x: f32, y: f32, w: f32, h: f32) -> Rect {
        Rect::from_min_size(Point::new(x, y), w, h)
    }

    #[test]
    fn counts_each_table_a_line_passes_through_once() {
        let mut grid = Obstacles::new(
            (0..100)
                .map(|i| {
                    rect(
                        (i % 10) as f32 * 300.0,
                        (i / 10) as f32 * 300.0,
                        200.0,
                        200.0,
                    )
                })
                .collect(),
        );
        // Along the first row of tables, through their middles: ten tables.
        let row = [Point::new(-50.0, 100.0), Point::new(3000.0, 100.0)];
        assert_eq!(grid.crossings(&row, usize::MAX), 10);
        assert_eq!(grid.crossings(&row, 3), 3);
        // In the gap between rows: none.
        let gap = [Point::new(-50.0, 250.0), Point::new(3000.0, 250.0)];
        assert_eq!(grid.crossings(&gap, usize::MAX), 0);
        // Along an edge: none; an elbow through one table twice: one.
        let edge = [Point::new(0.0, 0.0), Point::new(200.0, 0.0)];
        assert_eq!(grid.crossings(&edge, usize::MAX), 0);
        let elbow = [
            Point::new(-10.0, 50.0),
            Point::new(100.0, 50.0),
            Point::new(100.0, 150.0),
            Point::new(-10.0, 150.0),
        ];
        assert_eq!(grid.crossings(&elbow, usize::MAX), 1);
        let near = grid.within(
            &rect(250.0, 250.0, 400.0, 10.0),
            [&rect(0.0, 0.0, 1.0, 1.0); 2],
        );
        assert!(near.is_empty());
        let near = grid.within(
            &rect(150.0, 150.0, 200.0, 200.0),
            [&rect(0.0, 0.0, 200.0, 200.0); 2],
        );
        assert_eq!(near.len(), 3);
    }

    #[test]
    fn an_empty_index_finds_nothing() {
        let mut grid = Obstacles::new(Vec::new());
        assert_eq!(
            grid.crossings(&[Point::new(0.0, 0.0), Point::new(9.0, 0.0)], 9),
            0
        );
    }
}
