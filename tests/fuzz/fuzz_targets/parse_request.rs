#![no_main]

use libfuzzer_sys::fuzz_target;
use mbasu::Interface;

#[path = "common.rs"]
mod common;

fuzz_target!(|body: &[u8]| {
    let config = common::config();
    for interface in Interface::ALL {
        let _ = mbasu::parse_request(&config, interface, body);
    }
});
