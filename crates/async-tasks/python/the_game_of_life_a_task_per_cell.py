"""The Game of Life, a task per cell (Item 60; the Rust side is
`the_game_of_life_a_task_per_cell`, in `main.rs`).

Each cell's next state comes from game_logic, which does some I/O first (here
a 10 ms asyncio.sleep). simulate starts one coroutine per cell and gathers
their answers, so the waits of a generation overlap.
"""
import asyncio
import time

from _pictures import mark_the_event_loop, trace  # the chapter's pictures

ALIVE = "*"
EMPTY = "-"
CELL_IO = 0.010
GENERATIONS = 4


class Grid:
    def __init__(self, rows, cols):
        self.rows, self.cols = rows, cols
        self.cells = [[EMPTY] * cols for _ in range(rows)]

    def get(self, y, x):
        return self.cells[y % self.rows][x % self.cols]

    def set(self, y, x, state):
        self.cells[y % self.rows][x % self.cols] = state

    def lines(self):
        return ["".join(row) for row in self.cells]


def glider():
    grid = Grid(5, 9)
    for y, x in [(0, 3), (1, 4), (2, 2), (2, 3), (2, 4)]:
        grid.set(y, x, ALIVE)
    return grid


def count_neighbors(grid, y, x):
    return sum(grid.get(y + dy, x + dx) == ALIVE
               for dy in (-1, 0, 1) for dx in (-1, 0, 1) if (dy, dx) != (0, 0))


def next_state(state, neighbors):
    if state == ALIVE:
        return ALIVE if neighbors in (2, 3) else EMPTY
    return ALIVE if neighbors == 3 else EMPTY


# ANCHOR: the_game_of_life_a_task_per_cell
async def game_logic(state, neighbors):
    await asyncio.sleep(CELL_IO)  # the Item reads from a socket here
    return next_state(state, neighbors)


async def step_cell(grid, y, x):
    return await game_logic(grid.get(y, x), count_neighbors(grid, y, x))


async def simulate(grid):
    coordinates = [(y, x) for y in range(grid.rows) for x in range(grid.cols)]
    # Fan out: a coroutine per cell. Fan in: gather, in the order given.
    states = await asyncio.gather(*(step_cell(grid, y, x)
                                    for y, x in coordinates))
    next_grid = Grid(grid.rows, grid.cols)
    for (y, x), state in zip(coordinates, states):
        next_grid.set(y, x, state)
    return next_grid


async def main():
    generations = [glider()]
    started = time.perf_counter()
    for _ in range(GENERATIONS):
        generations.append(await simulate(generations[-1]))
    return generations, time.perf_counter() - started


print("== 2. The Game of Life, a task per cell ==")
mark_the_event_loop()
with trace.region("life"):
    generations, took = asyncio.run(main())
print(" | ".join(f"{i:^9}" for i in range(len(generations))).rstrip())
for rows in zip(*(grid.lines() for grid in generations)):
    print(" | ".join(rows))
cells = generations[0].rows * generations[0].cols
added_up = CELL_IO * cells * GENERATIONS
print(f"{GENERATIONS} generations of {cells} cells, each cell waiting "
      f"{CELL_IO * 1000:.1f}ms for its I/O: took {took * 1000:.1f}ms")
print(f"the tasks overlapped their waits (less than a quarter of the "
      f"{added_up:.1f}s they add up to):", "yes" if took * 4 < added_up else "no")
start, last = generations[0], generations[-1]
moved = all(last.get(y + 1, x + 1) == start.get(y, x)
            for y in range(start.rows) for x in range(start.cols))
print(f"after {GENERATIONS} generations the glider has the same shape, "
      f"one cell down and right:", "yes" if moved else "no")
# ANCHOR_END: the_game_of_life_a_task_per_cell
