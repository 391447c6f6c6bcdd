//! Conway's Game of Life, the example Effective Python carries through
//! Items 56-60: each cell's next state is decided by a function that does
//! some I/O, and Item 60 runs one coroutine per cell.

use std::sync::Arc;
use std::time::Duration;

/// A grid of cells that wraps around at the edges (a torus).
///
/// ```
/// use async_tasks::life::Grid;
///
/// let mut grid = Grid::new(3, 4);
/// grid.set(0, 0, true);
/// assert!(grid.get(3, -4)); // wraps around both ways
/// assert_eq!(grid.lines(), ["*---", "----", "----"]);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grid {
    rows: usize,
    cols: usize,
    alive: Vec<bool>,
}

impl Grid {
    /// An empty grid: every cell dead.
    pub fn new(rows: usize, cols: usize) -> Self {
        Self {
            rows,
            cols,
            alive: vec![false; rows * cols],
        }
    }

    pub fn rows(&self) -> usize {
        self.rows
    }

    pub fn cols(&self) -> usize {
        self.cols
    }

    fn index(&self, y: isize, x: isize) -> usize {
        let y = y.rem_euclid(self.rows as isize) as usize;
        let x = x.rem_euclid(self.cols as isize) as usize;
        y * self.cols + x
    }

    /// Is the cell at row `y`, column `x` alive? Out-of-range coordinates
    /// wrap around.
    pub fn get(&self, y: isize, x: isize) -> bool {
        self.alive[self.index(y, x)]
    }

    pub fn set(&mut self, y: isize, x: isize, alive: bool) {
        let i = self.index(y, x);
        self.alive[i] = alive;
    }

    /// The grid as text, a line per row: `*` alive, `-` dead (Item 56's
    /// `ALIVE` and `EMPTY`).
    pub fn lines(&self) -> Vec<String> {
        self.alive
            .chunks(self.cols)
            .map(|row| row.iter().map(|&a| if a { '*' } else { '-' }).collect())
            .collect()
    }

    /// The same grid, every cell moved `dy` rows down and `dx` columns right.
    pub fn shifted(&self, dy: isize, dx: isize) -> Grid {
        let mut moved = Grid::new(self.rows, self.cols);
        for y in 0..self.rows as isize {
            for x in 0..self.cols as isize {
                moved.set(y + dy, x + dx, self.get(y, x));
            }
        }
        moved
    }
}

/// The glider the Items' Game of Life starts from, on a 5 × 9 grid.
pub fn glider() -> Grid {
    let mut grid = Grid::new(5, 9);
    for (y, x) in [(0, 3), (1, 4), (2, 2), (2, 3), (2, 4)] {
        grid.set(y, x, true);
    }
    grid
}

/// How many of the eight cells around `(y, x)` are alive.
pub fn count_neighbors(grid: &Grid, y: isize, x: isize) -> usize {
    let around = [
        (-1, -1),
        (-1, 0),
        (-1, 1),
        (0, -1),
        (0, 1),
        (1, -1),
        (1, 0),
        (1, 1),
    ];
    around
        .iter()
        .filter(|(dy, dx)| grid.get(y + dy, x + dx))
        .count()
}

/// The rules: a live cell with two or three live neighbours lives on; a dead
/// cell with exactly three comes alive; every other cell is dead next time.
pub fn next_state(alive: bool, neighbors: usize) -> bool {
    matches!((alive, neighbors), (true, 2) | (true, 3) | (false, 3))
}

// ANCHOR: step_cell
/// Item 60's `game_logic`: the rules, after some I/O (the book waits on a
/// socket; the lesson sleeps for `io`, without blocking the thread).
pub async fn game_logic(alive: bool, neighbors: usize, io: Duration) -> bool {
    // No I/O, no sleep: even a zero sleep waits for the timer's next tick.
    if !io.is_zero() {
        tokio::time::sleep(io).await;
    }
    next_state(alive, neighbors)
}

/// One cell's step: read its neighbours in this generation's grid, await the
/// logic, and return the cell's next state.
pub async fn step_cell(grid: Arc<Grid>, y: isize, x: isize, io: Duration) -> bool {
    let alive = grid.get(y, x);
    let neighbors = count_neighbors(&grid, y, x);
    game_logic(alive, neighbors, io).await
}
// ANCHOR_END: step_cell

// ANCHOR: simulate
/// One generation, a task per cell (Item 60's `simulate` with
/// `asyncio.gather`): fan out every cell's step, then fan in their answers,
/// in the order the tasks were started, into a new grid.
pub async fn simulate(grid: Grid, io: Duration) -> Grid {
    let (rows, cols) = (grid.rows as isize, grid.cols as isize);
    // Every task reads this generation's grid; none writes to it.
    let grid = Arc::new(grid);
    let mut cells = Vec::new();
    for y in 0..rows {
        for x in 0..cols {
            cells.push(tokio::spawn(step_cell(Arc::clone(&grid), y, x, io)));
        }
    }
    let mut next = Grid::new(grid.rows, grid.cols);
    for (i, cell) in cells.into_iter().enumerate() {
        let alive = cell.await.expect("a cell's step does not panic");
        next.alive[i] = alive;
    }
    next
}
// ANCHOR_END: simulate

/// The control for "the tasks overlapped their waits": the same step, but
/// each cell is awaited before the next one starts, so the waits add up.
pub async fn simulate_in_turn(grid: Grid, io: Duration) -> Grid {
    let grid = Arc::new(grid);
    let mut next = Grid::new(grid.rows, grid.cols);
    for y in 0..grid.rows as isize {
        for x in 0..grid.cols as isize {
            let alive = step_cell(Arc::clone(&grid), y, x, io).await;
            next.set(y, x, alive);
        }
    }
    next
}

/// The classic mistake, kept as the control for the glider's verdict: each
/// cell is written into the grid its neighbours are still reading, so half
/// of them see the next generation instead of this one.
pub fn simulate_in_place(mut grid: Grid) -> Grid {
    for y in 0..grid.rows as isize {
        for x in 0..grid.cols as isize {
            let next = next_state(grid.get(y, x), count_neighbors(&grid, y, x));
            grid.set(y, x, next);
        }
    }
    grid
}

/// Grids side by side, a column per generation under its number, as Item
/// 56's `ColumnPrinter` prints them.
pub fn side_by_side(generations: &[Grid]) -> Vec<String> {
    let Some(first) = generations.first() else {
        return Vec::new();
    };
    let width = first.cols;
    let mut lines = vec![
        generations
            .iter()
            .enumerate()
            .map(|(i, _)| format!("{i:^width$}"))
            .collect::<Vec<_>>()
            .join(" | "),
    ];
    let rows: Vec<Vec<String>> = generations.iter().map(Grid::lines).collect();
    for y in 0..first.rows {
        lines.push(
            rows.iter()
                .map(|grid| grid[y].as_str())
                .collect::<Vec<_>>()
                .join(" | "),
        );
    }
    lines
}
