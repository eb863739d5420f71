//! Application JSON → replayed state, whole and event by event.
//!
//! Properties beyond "no panic": an event refused by the incremental replay leaves the state as
//! it was, and the whole replay agrees with the incremental one.
#![no_main]

use libfuzzer_sys::fuzz_target;
use zfxxgk::application::{Application, Replay, ReplayOptions};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(app) = Application::from_json(text) else { return };
    let whole = zfxxgk::replay_application(&app);
    let mut replay = Replay::new(&app.id, zfxxgk::Calendar::embedded(), ReplayOptions::default());
    let mut first_error = None;
    for event in &app.events {
        let before = replay.state().map(|s| s.to_json());
        if let Err(e) = replay.apply(event) {
            assert_eq!(replay.state().map(|s| s.to_json()), before, "a refused event changed the state");
            first_error.get_or_insert(e);
        }
    }
    if app.events.len() > zfxxgk::application::MAX_EVENTS {
        return; // refused whole up front; the incremental replay refuses from the event past the limit
    }
    match first_error {
        // The same events accepted: the same state, or the same error computing it.
        None => assert_eq!(whole, replay.state()),
        Some(first) => assert_eq!(whole, Err(first)),
    }
});
