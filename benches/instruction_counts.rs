//! Runs one path many times so `valgrind --tool=callgrind` can count its instructions, a
//! measure that other load on the machine does not disturb.
//!
//! cargo bench --bench instruction_counts --no-run, then:
//! valgrind --tool=callgrind target/release/deps/instruction_counts-* PATH
//! with PATH one of build, build-floor, read, read-floor; divide by ITERATIONS.

use std::hint::black_box;

use mbasu::{
    build_request, parse_response, Config, EncryptType, Interface, RequestFields, RequestOptions,
};

#[path = "common/floor.rs"]
mod floor;

use floor::{floor_request, FloorResponse, RESPONSE};

const ITERATIONS: usize = 20_000;

fn floor_build() -> usize {
    floor_request(
        black_box("13800138000"),
        black_box("11010519491231002X"),
        black_box("张三"),
    )
    .len()
}

fn main() {
    // `cargo bench` passes `--bench`; only a run under callgrind names a path.
    let Some(path) = std::env::args().skip(1).find(|a| !a.starts_with("--")) else {
        return;
    };
    let config = Config::default();
    let fields = RequestFields {
        mobile: "13800138000",
        cert_no: "11010519491231002X",
        name: Some("张三"),
    };
    let options = RequestOptions {
        encrypt_type: Some(EncryptType::Sm3),
        request_ref_id: Some("xwdb_250127115444103248377"),
        ..RequestOptions::default()
    };

    let mut total = 0usize;
    for _ in 0..ITERATIONS {
        total += match path.as_str() {
            "build" => build_request(&config, Interface::Mbasu001, black_box(&fields), &options)
                .unwrap()
                .body
                .len(),
            "build-floor" => floor_build(),
            "read" => parse_response(
                &config,
                Interface::Mbasu001,
                black_box(RESPONSE.as_bytes()),
                Some("xwdb_250127115444103248377"),
            )
            .unwrap()
            .value
            .len(),
            "read-floor" => {
                let parsed: FloorResponse =
                    serde_json::from_slice(black_box(RESPONSE.as_bytes())).unwrap();
                parsed.response.is_id_name_match.len()
            }
            other => panic!("unknown path {other}; use build, build-floor, read or read-floor"),
        };
    }
    println!("{path}: {ITERATIONS} iterations, checksum {total}");
}
