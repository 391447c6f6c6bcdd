//! `the_game_of_life_a_task_per_cell`: the rules, and a task per cell
//! computing what a loop computes. The controls for its verdicts are in
//! `tests/verdicts.rs`.

use std::time::Duration;

use async_tasks::life::{Grid, glider, next_state, simulate, simulate_in_turn};
use async_tasks::one_thread_runtime;
use async_tasks::verdict::glider_moved;
use kit::Verdict;

fn run<T>(future: impl Future<Output = T>) -> T {
    one_thread_runtime()
        .expect("a runtime can be built")
        .block_on(future)
}

#[test]
fn the_rules() {
    for neighbors in 0..=8 {
        assert_eq!(
            next_state(true, neighbors),
            neighbors == 2 || neighbors == 3
        );
        assert_eq!(next_state(false, neighbors), neighbors == 3);
    }
}

#[test]
fn a_blinker_turns_and_turns_back() {
    let mut across = Grid::new(5, 5);
    for x in 1..=3 {
        across.set(2, x, true);
    }
    let down = run(simulate(across.clone(), Duration::ZERO));
    assert_eq!(down.lines(), ["-----", "--*--", "--*--", "--*--", "-----"]);
    assert_eq!(run(simulate(down, Duration::ZERO)), across);
}

#[test]
fn tasks_compute_what_a_loop_computes() {
    // A grid with a bit of everything: a glider, a block, and cells at the
    // edges that wrap around.
    let mut grid = glider();
    for (y, x) in [(3, 7), (3, 8), (4, 7), (4, 8), (0, 0), (4, 0)] {
        grid.set(y, x, true);
    }
    for _ in 0..6 {
        let by_tasks = run(simulate(grid.clone(), Duration::ZERO));
        let in_turn = run(simulate_in_turn(grid.clone(), Duration::ZERO));
        assert_eq!(by_tasks, in_turn);
        grid = by_tasks;
    }
}

#[test]
fn the_glider_glides() {
    let start = glider();
    let mut grid = start.clone();
    for _ in 0..4 {
        grid = run(simulate(grid, Duration::from_millis(1)));
    }
    assert_eq!(glider_moved(&start, &grid), Verdict::Yes);
    assert_eq!(
        grid.lines(),
        [
            "---------",
            "----*----",
            "-----*---",
            "---***---",
            "---------"
        ]
    );
}
