//! Packing laid-out blocks (connected components, groups) into a compact, roughly
//! window-shaped arrangement: tallest first, in rows.

/// A laid-out block: items at offsets from the block's top-left corner, and its size.
#[derive(Debug, Clone, PartialEq)]
pub struct Block<T> {
    /// Items and their top-left offsets inside the block.
    pub items: Vec<(T, f32, f32)>,
    /// Width.
    pub width: f32,
    /// Height.
    pub height: f32,
}

impl<T> Block<T> {
    /// A block from items at offsets, measured with `size` (width and height of an item).
    pub fn new(items: Vec<(T, f32, f32)>, size: impl Fn(&T) -> (f32, f32)) -> Self {
        let (mut width, mut height) = (0.0f32, 0.0f32);
        for (item, x, y) in &items {
            let (w, h) = size(item);
            width = width.max(x + w);
            height = height.max(y + h);
        }
        Self {
            items,
            width,
            height,
        }
    }
}

/// Places blocks in rows, tallest first, wrapping at a width that makes the whole roughly
/// `aspect` times as wide as it is tall; returns one block holding every item.
pub fn pack<T>(mut blocks: Vec<Block<T>>, gap: f32, aspect: f32) -> Block<T> {
    let area: f32 = blocks
        .iter()
        .map(|b| (b.width + gap) * (b.height + gap))
        .sum();
    let widest = blocks.iter().map(|b| b.width).fold(0.0, f32::max);
    let row_width = (area * aspect).sqrt().max(widest);
    blocks.sort_by(|a, b| b.height.total_cmp(&a.height));
    let (mut x, mut y, mut row_height) = (0.0f32, 0.0f32, 0.0f32);
    let (mut width, mut height) = (0.0f32, 0.0f32);
    let mut items = Vec::new();
    for block in blocks {
        if x > 0.0 && x + block.width > row_width {
            x = 0.0;
            y += row_height + gap;
            row_height = 0.0;
        }
        for (item, bx, by) in block.items {
            items.push((item, x + bx, y + by));
        }
        width = width.max(x + block.width);
        height = height.max(y + block.height);
        x += block.width + gap;
        row_height = row_height.max(block.height);
    }
    Block {
        items,
        width,
        height,
    }
}

/// Items of equal importance (tables without relationships) in a grid of rows, in the given
/// order.
pub fn grid<T>(items: Vec<(T, f32, f32)>, gap: f32, aspect: f32) -> Block<T> {
    let area: f32 = items.iter().map(|(_, w, h)| (w + gap) * (h + gap)).sum();
    let widest = items.iter().map(|(_, w, _)| *w).fold(0.0, f32::max);
    let row_width = (area * aspect).sqrt().max(widest);
    let (mut x, mut y, mut row_height) = (0.0f32, 0.0f32, 0.0f32);
    let (mut width, mut height) = (0.0f32, 0.0f32);
    let mut placed = Vec::with_capacity(items.len());
    for (item, w, h) in items {
        if x > 0.0 && x + w > row_width {
            x = 0.0;
            y += row_height + gap;
            row_height = 0.0;
        }
        placed.push((item, x, y));
        width = width.max(x + w);
        height = height.max(y + h);
        x += w + gap;
        row_height = row_height.max(h);
    }
    Block {
        items: placed,
        width,
        height,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packed_blocks_keep_their_insides_and_do_not_overlap() {
        let block = |id: u32, w: f32, h: f32| Block {
            items: vec![(id, 0.0, 0.0), (id + 100, w - 10.0, h - 10.0)],
            width: w,
            height: h,
        };
        let packed = pack(
            vec![
                block(1, 300.0, 100.0),
                block(2, 200.0, 400.0),
                block(3, 100.0, 100.0),
            ],
            50.0,
            1.5,
        );
        assert_eq!(packed.items.len(), 6);
        let at = |id: u32| {
            packed
                .items
                .iter()
                .find(|(i, _, _)| *i == id)
                .map(|(_, x, y)| (*x, *y))
                .unwrap()
        };
        // The tallest block comes first; each block's items keep their distance.
        assert_eq!(at(2), (0.0, 0.0));
        assert_eq!(at(102), (190.0, 390.0));
        let (x1, y1) = at(1);
        assert_eq!(at(101), (x1 + 290.0, y1 + 90.0));
        assert!(x1 >= 250.0 || y1 >= 450.0);
    }

    #[test]
    fn a_grid_wraps_into_rows() {
        let items: Vec<(u32, f32, f32)> = (0..9).map(|i| (i, 100.0, 50.0)).collect();
        let block = grid(items, 20.0, 1.0);
        assert!(block.width < 9.0 * 120.0 && block.height > 50.0);
        assert_eq!(block.items[0], (0, 0.0, 0.0));
    }
}
