//! `thread-local-lazy-connection` under stress: many rounds, each with a
//! fresh server and eight threads making requests at once; every round,
//! exactly one connection per thread, every one closed.

use std::thread;
use std::time::Duration;

use thread_local_exercises::lazy::request;
use thread_local_exercises::server::Server;

#[test]
fn one_connection_per_thread_in_every_round() {
    const THREADS: u64 = 8;
    const REQUESTS: u64 = 5;
    for round in 0..30 {
        let server = Server::start().unwrap();
        let address = server.address();
        thread::scope(|scope| {
            for t in 0..THREADS {
                scope.spawn(move || {
                    for r in 1..=REQUESTS {
                        let reply = request(address, &format!("{t}")).unwrap();
                        assert_eq!(reply, format!("{r} {t}"), "round {round}, thread {t}");
                    }
                });
            }
        });
        let closed = server.wait_for_closed(THREADS, Duration::from_secs(2));
        assert_eq!(closed, THREADS, "round {round}: connections closed");
        let report = server.stop();
        assert_eq!(
            report.opened, THREADS,
            "round {round}: one connection per thread"
        );
        assert_eq!(report.requests, THREADS * REQUESTS, "round {round}");
    }
}
