#![no_main]

use libfuzzer_sys::fuzz_target;
use mbasu::conformance::{check_response, Exchange};
use mbasu::Interface;

#[path = "common.rs"]
mod common;

fuzz_target!(|body: &[u8]| {
    let config = common::config();
    let exchange = Exchange {
        http_status: Some(500),
        request_body: Some(body),
    };
    for interface in Interface::ALL {
        let _ = check_response(&config, interface, body, &exchange);
    }
});
