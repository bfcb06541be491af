//! Values computed once per validation run and read by every table: parsed options, compiled
//! pattern lists. Rules on several threads read them for every table, so a lookup only loads
//! (no lock, no reference count): the table is a chain of fixed-size blocks of write-once
//! slots.

use std::any::{Any, TypeId};
use std::hash::{Hash, Hasher};
use std::sync::OnceLock;

use super::naming::fingerprint::Fast;

/// Slots per block.
const SLOTS: usize = 64;

/// What a value is found by: where the rule id and the name are stored (a name written twice
/// may be stored twice; its value is then merely made twice), and the type of the value.
type Key = ([usize; 4], TypeId);

#[derive(Debug)]
struct Entry {
    hash: u64,
    key: Key,
    value: Box<dyn Any + Send + Sync>,
}

/// Write-once slots, probed from the key's hash; a full block continues in the next.
#[derive(Debug)]
struct Block {
    slots: [OnceLock<Entry>; SLOTS],
    next: OnceLock<Box<Block>>,
}

impl Default for Block {
    fn default() -> Self {
        Self {
            slots: std::array::from_fn(|_| OnceLock::new()),
            next: OnceLock::new(),
        }
    }
}

/// Values computed once per run, by key.
#[derive(Debug, Default)]
pub(super) struct Memo(Block);

impl Memo {
    /// The value under `(id, name)` of type `T`, computed by `make` the first time.
    pub(super) fn get<T: Any + Send + Sync>(
        &self,
        id: &'static str,
        name: &'static str,
        make: impl FnOnce() -> T,
    ) -> &T {
        let key = (
            [
                id.as_ptr() as usize,
                id.len(),
                name.as_ptr() as usize,
                name.len(),
            ],
            TypeId::of::<T>(),
        );
        let hash = {
            let mut h = Fast::default();
            key.hash(&mut h);
            h.finish()
        };
        let start = usize::try_from(hash % SLOTS as u64).unwrap_or(0);
        let found = |entry: &Entry| entry.hash == hash && entry.key == key;
        // Entries never move and fill the first free slot of their probe sequence, so the
        // first free slot on the way means the value is not there yet.
        let mut block = &self.0;
        'look: loop {
            for step in 0..SLOTS {
                match block.slots[(start + step) % SLOTS].get() {
                    Some(entry) if found(entry) => {
                        if let Some(value) = entry.value.downcast_ref::<T>() {
                            return value;
                        }
                    }
                    Some(_) => {}
                    None => break 'look,
                }
            }
            match block.next.get() {
                Some(next) => block = next,
                None => break,
            }
        }
        let mut pending = Some(Entry {
            hash,
            key,
            value: Box::new(make()),
        });
        // Another thread may be storing entries too: take the first free slot, or the value
        // it stored under the same key.
        let mut block = &self.0;
        loop {
            for step in 0..SLOTS {
                let slot = &block.slots[(start + step) % SLOTS];
                if slot.get().is_none()
                    && let Some(entry) = pending.take()
                    && let Err(back) = slot.set(entry)
                {
                    pending = Some(back);
                }
                if let Some(stored) = slot.get()
                    && found(stored)
                    && let Some(value) = stored.value.downcast_ref::<T>()
                {
                    return value;
                }
            }
            block = block.next.get_or_init(Box::default);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_made_once_per_key_and_type() {
        static RULE: &str = "rule";
        static OTHER: &str = "other";
        static A: &str = "a";
        static B: &str = "b";
        let memo = Memo::default();
        let mut calls = 0;
        for _ in 0..3 {
            let value = memo.get(RULE, A, || {
                calls += 1;
                1u32
            });
            assert_eq!(*value, 1);
        }
        assert_eq!(calls, 1);
        assert_eq!(*memo.get(RULE, A, || 2u64), 2);
        assert_eq!(*memo.get(RULE, B, || 3u32), 3);
        assert_eq!(*memo.get(OTHER, A, || 4u32), 4);
        assert_eq!(*memo.get(RULE, A, || 5u32), 1);
    }

    #[test]
    fn full_blocks_continue_in_the_next() {
        let memo = Memo::default();
        let names: Vec<&'static str> = (0..3 * SLOTS)
            .map(|i| &*Box::leak(i.to_string().into_boxed_str()))
            .collect();
        for (i, name) in names.iter().enumerate() {
            assert_eq!(*memo.get("rule", name, || i), i);
        }
        for (i, name) in names.iter().enumerate() {
            assert_eq!(*memo.get("rule", name, || usize::MAX), i);
        }
    }
}
