#![no_main]

use libfuzzer_sys::fuzz_target;
use mbasu::Interface;

#[path = "common.rs"]
mod common;

fuzz_target!(|body: &[u8]| {
    let config = common::config();
    for interface in Interface::ALL {
        let _ = mbasu::parse_response(&config, interface, body, Some("xwdb_1"));
        let _ = mbasu::interpret_http(&config, interface, 500, body, None);
    }
});
