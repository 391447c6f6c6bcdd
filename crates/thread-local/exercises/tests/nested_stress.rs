//! `thread-local-nested` under stress: four threads nest three deep on one
//! lazy connection at once, many rounds; each thread's stack only ever holds
//! its own connections, in order.

use std::thread;
use std::time::Duration;

use thread_local_exercises::nested::NestedLazyConnection;
use thread_local_exercises::server::Server;

#[test]
fn each_thread_sees_exactly_its_own_stack_in_every_round() {
    const THREADS: u64 = 4;
    const ROUNDS: u64 = 50;
    let server = Server::start().unwrap();
    let conn = NestedLazyConnection::new(server.address());
    thread::scope(|scope| {
        for t in 0..THREADS {
            let conn = &conn;
            scope.spawn(move || {
                for round in 0..ROUNDS {
                    let mut a = conn.enter().unwrap();
                    let mut b = conn.enter().unwrap();
                    let mut c = conn.enter().unwrap();
                    assert_eq!(
                        conn.open_ports(),
                        [a.port(), b.port(), c.port()],
                        "thread {t}, round {round}"
                    );
                    for guard in [&mut a, &mut b, &mut c] {
                        assert_eq!(guard.request("x").unwrap(), "1 x", "thread {t}");
                    }
                    drop(c);
                    assert_eq!(conn.open_ports(), [a.port(), b.port()], "thread {t}");
                    drop(a);
                    assert_eq!(conn.open_ports(), [b.port()], "thread {t}");
                    drop(b);
                    assert_eq!(conn.depth(), 0, "thread {t}, round {round}");
                }
            });
        }
    });
    let all = THREADS * ROUNDS * 3;
    assert_eq!(server.wait_for_closed(all, Duration::from_secs(5)), all);
    assert_eq!(server.stop().opened, all);
}
