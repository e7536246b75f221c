//! The encryption vectors: digests and 3DES from independent tools, official test vectors,
//! and the pitfall values mbasu must never produce.

use mbasu::encrypt::{decode_hex, hash_hex};
use mbasu::text::text_from_utf16;
use mbasu::{
    CipherEncoding, CipherMode, EncryptType, ErrorCode, HashOptions, HexCase, TripleDes,
    TripleDesKey,
};
use serde_json::Value;

fn load(file: &str) -> Value {
    let path = format!("{}/tests/vectors/{file}", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn digest(encrypt_type: EncryptType, bytes: &[u8]) -> String {
    hash_hex(encrypt_type, bytes, HashOptions::default()).unwrap()
}

fn text(value: &Value) -> &str {
    value.as_str().unwrap()
}

fn iv(hex: &str) -> [u8; 8] {
    decode_hex(hex).unwrap().try_into().unwrap()
}

#[test]
fn encrypt_json_cases() {
    let vectors = load("encrypt.json");
    let key = TripleDesKey::from_base64(text(&vectors["key_base64"])).unwrap();
    let key_from_hex = TripleDesKey::from_hex(text(&vectors["key_hex"])).unwrap();
    let cbc_iv = iv(text(&vectors["cbc_iv_hex"]));
    let ecb_base64 = TripleDes::new(key.clone(), CipherMode::Ecb, CipherEncoding::Base64);
    let ecb_hex = TripleDes::new(key_from_hex, CipherMode::Ecb, CipherEncoding::Hex);
    let cbc = TripleDes::new(key, CipherMode::Cbc { iv: cbc_iv }, CipherEncoding::Base64);

    let cases = vectors["cases"].as_array().unwrap();
    for case in cases {
        let input = text(&case["input"]);
        assert_eq!(
            digest(EncryptType::Md5, input.as_bytes()),
            text(&case["md5"]),
            "{input}"
        );
        assert_eq!(
            digest(EncryptType::Sha256, input.as_bytes()),
            text(&case["sha256"]),
            "{input}"
        );
        assert_eq!(
            digest(EncryptType::Sm3, input.as_bytes()),
            text(&case["sm3"]),
            "{input}"
        );
        assert_eq!(
            ecb_base64.encrypt_text(input),
            text(&case["3des_ecb_base64"]),
            "{input}"
        );
        assert_eq!(
            ecb_hex.encrypt_text(input),
            text(&case["3des_ecb_hex"]),
            "{input}"
        );
        assert_eq!(
            cbc.encrypt_text(input),
            text(&case["3des_cbc_base64"]),
            "{input}"
        );

        assert_eq!(
            ecb_base64
                .decrypt_text(text(&case["3des_ecb_base64"]))
                .unwrap(),
            input
        );
        assert_eq!(
            ecb_hex.decrypt_text(text(&case["3des_ecb_hex"])).unwrap(),
            input
        );
        assert_eq!(
            cbc.decrypt_text(text(&case["3des_cbc_base64"])).unwrap(),
            input
        );
    }
    assert_eq!(cases.len(), 5);

    let two_key = &vectors["two_key"];
    let key16 = decode_hex(text(&two_key["key_hex"])).unwrap();
    assert_eq!(
        TripleDesKey::new(&key16).unwrap_err().code(),
        ErrorCode::KeyLength
    );
    let cipher = TripleDes::ecb(TripleDesKey::from_two_key(&key16).unwrap());
    assert_eq!(
        cipher.encrypt_text(text(&two_key["input"])),
        text(&two_key["3des_ecb_base64"])
    );
}

#[test]
fn decrypt_ignores_base64_line_breaks() {
    let vectors = load("encrypt.json");
    let cipher = TripleDes::ecb(TripleDesKey::from_base64(text(&vectors["key_base64"])).unwrap());
    let wrapped = "t2YKJQ2lKgwP3T0K\r\nVCNlx0m8DzPs XZp6\n";
    assert_eq!(cipher.decrypt_text(wrapped).unwrap(), "11010519491231002X");
}

#[test]
fn hash_options_change_case_and_length() {
    let upper = HashOptions {
        case: HexCase::Upper,
        md5_16: false,
    };
    assert_eq!(
        hash_hex(EncryptType::Md5, "13800138000".as_bytes(), upper).unwrap(),
        "7945BD83237335E5376FF44D62E4F0AE"
    );
    let short = HashOptions {
        case: HexCase::Lower,
        md5_16: true,
    };
    assert_eq!(
        hash_hex(EncryptType::Md5, "13800138000".as_bytes(), short).unwrap(),
        "237335e5376ff44d"
    );
}

#[test]
fn interop_vectors() {
    let interop = load("interop.json");
    let params = &interop["tdes_params"];
    let key = TripleDesKey::from_hex(text(&params["key_hex"])).unwrap();
    let cbc_iv = iv(text(&params["iv_hex"]));
    let ecb_hex = TripleDes::new(key.clone(), CipherMode::Ecb, CipherEncoding::Hex);
    let ecb_base64 = TripleDes::ecb(key.clone());
    let cbc_hex = TripleDes::new(
        key.clone(),
        CipherMode::Cbc { iv: cbc_iv },
        CipherEncoding::Hex,
    );
    let cbc_base64 = TripleDes::new(key, CipherMode::Cbc { iv: cbc_iv }, CipherEncoding::Base64);

    let vectors = interop["vectors"].as_object().unwrap();
    for (input_name, expected) in vectors {
        let input = &interop["inputs"][input_name];
        let value = text(&input["text"]);
        assert_eq!(
            hex::encode(value.as_bytes()),
            text(&input["utf8_hex"]),
            "{input_name}"
        );
        assert_eq!(
            digest(EncryptType::Md5, value.as_bytes()),
            text(&expected["md5"]),
            "{input_name}"
        );
        assert_eq!(
            digest(EncryptType::Sha256, value.as_bytes()),
            text(&expected["sha256"]),
            "{input_name}"
        );
        assert_eq!(
            digest(EncryptType::Sm3, value.as_bytes()),
            text(&expected["sm3"]),
            "{input_name}"
        );
        assert_eq!(
            ecb_hex.encrypt_text(value),
            text(&expected["tdes_ecb_hex"]),
            "{input_name}"
        );
        assert_eq!(
            ecb_base64.encrypt_text(value),
            text(&expected["tdes_ecb_b64"]),
            "{input_name}"
        );
        assert_eq!(
            cbc_hex.encrypt_text(value),
            text(&expected["tdes_cbc_hex"]),
            "{input_name}"
        );
        assert_eq!(
            cbc_base64.encrypt_text(value),
            text(&expected["tdes_cbc_b64"]),
            "{input_name}"
        );
    }
    assert_eq!(vectors.len(), 5);
}

#[test]
fn official_digest_vectors() {
    let official = &load("interop.json")["official_vectors"];

    let sm3 = &official["sm3_gbt32905_2016"];
    assert_eq!(digest(EncryptType::Sm3, b"abc"), text(&sm3["abc"]));
    assert_eq!(
        digest(EncryptType::Sm3, "abcd".repeat(16).as_bytes()),
        text(&sm3["abcd*16 (64 bytes)"])
    );

    let md5 = official["md5_rfc1321_A5"].as_object().unwrap();
    for (input, expected) in md5 {
        assert_eq!(
            digest(EncryptType::Md5, input.as_bytes()),
            text(expected),
            "{input:?}"
        );
    }
    assert_eq!(md5.len(), 7);

    let sha256 = official["sha256_fips180"].as_object().unwrap();
    for (input, expected) in sha256 {
        let message = if input == "a*1000000" {
            "a".repeat(1_000_000)
        } else {
            input.clone()
        };
        assert_eq!(
            digest(EncryptType::Sha256, message.as_bytes()),
            text(expected),
            "{input:?}"
        );
    }
    assert_eq!(sha256.len(), 4);
}

#[test]
fn official_tdes_vectors() {
    let official = &load("interop.json")["official_vectors"];

    // ECB with PKCS#7 appends one whole padding block to block-aligned input, so the first
    // blocks of the output are the raw TDEA encryption the standards list.
    let appendix_b = &official["tdes_sp800_67_appendixB"];
    let key = TripleDesKey::from_hex(text(&appendix_b["key"])).unwrap();
    let plaintext = decode_hex(text(&appendix_b["plaintext_hex"])).unwrap();
    let ciphertext = TripleDes::ecb(key).encrypt_bytes(&plaintext);
    assert_eq!(hex::encode(&ciphertext[..24]), text(&appendix_b["openssl"]));
    assert_eq!(ciphertext.len(), 32);

    let samples = official["tdes_sp800_20_kat_samples_k1_eq_k2_eq_k3"]
        .as_array()
        .unwrap();
    for sample in samples {
        let single = text(&sample["key_k1=k2=k3"]);
        let key = TripleDesKey::from_hex(&single.repeat(3)).unwrap();
        let plaintext = decode_hex(text(&sample["pt"])).unwrap();
        let ciphertext = TripleDes::ecb(key).encrypt_bytes(&plaintext);
        assert_eq!(
            hex::encode(&ciphertext[..8]),
            text(&sample["openssl_des_ede3"]),
            "{single}"
        );
    }
    assert_eq!(samples.len(), 4);
}

#[test]
fn pitfall_digests_never_match() {
    let pitfalls = &load("interop.json")["pitfall_vectors"];
    let correct = |input: &str, encrypt_type| digest(encrypt_type, input.as_bytes());
    let cases = [
        ("name_zhangsan__GBK", "张三"),
        ("name_uyghur__GBK", "阿依古丽·买买提"),
        ("name_nonbmp__GB18030", "𠮷莉"),
        ("name_nonbmp__java_GBK_replacement", "𠮷莉"),
        ("name_nonbmp__CESU8_modified_utf8", "𠮷莉"),
        ("id_number__lowercase_x", "11010519491231002X"),
        ("id_number__fullwidth_X", "11010519491231002X"),
        ("name_uyghur__U+2022_bullet", "阿依古丽·买买提"),
        ("name_uyghur__U+30FB_katakana_middle_dot", "阿依古丽·买买提"),
        ("name_uyghur__U+FF0E_fullwidth_full_stop", "阿依古丽·买买提"),
        ("name_uyghur__U+2027_hyphenation_point", "阿依古丽·买买提"),
        ("name_zhangsan__trailing_space", "张三"),
        ("name_zhangsan__uppercase_hex", "张三"),
    ];
    for (key, input) in cases {
        let pitfall = &pitfalls[key];
        for (field, encrypt_type) in [
            ("md5", EncryptType::Md5),
            ("sha256", EncryptType::Sha256),
            ("sm3", EncryptType::Sm3),
        ] {
            if let Some(wrong) = pitfall[field].as_str() {
                assert_ne!(correct(input, encrypt_type), wrong, "{key} {field}");
            }
        }
        if let Some(bytes) = pitfall["bytes_hex"].as_str() {
            assert_ne!(hex::encode(input.as_bytes()), bytes, "{key}");
        }
    }

    let old_js_sm3 = text(&pitfalls["name_zhangsan__old_js_sm3_codepoint_bits"]["sm3"]);
    assert_ne!(correct("张三", EncryptType::Sm3), old_js_sm3);
    let low_byte_md5 = text(&pitfalls["md5_low_byte_truncation_zhangsan"]["md5"]);
    assert_ne!(correct("张三", EncryptType::Md5), low_byte_md5);
}

#[test]
fn pitfall_normalisation_reaches_correct_bytes() {
    // The look-alike inputs normalise to the canonical value, whose digest is the right one.
    let options = mbasu::Options::normalizing();
    let name = mbasu::validate_name("阿依古丽•买买提", &options)
        .value
        .unwrap();
    assert_eq!(
        digest(EncryptType::Md5, name.as_bytes()),
        "46158988037f01ff1015a8923662b015"
    );
    let cert_no = mbasu::validate_cert_no("11010519491231002ｘ", &options)
        .value
        .unwrap();
    assert_eq!(
        digest(EncryptType::Md5, cert_no.as_bytes()),
        "ae05564031c21338aa8a2e7266e7855c"
    );
}

#[test]
fn pitfall_tdes_variants() {
    let variants = &load("interop.json")["pitfall_vectors"]["tdes_mobile_variants"];
    let key = TripleDesKey::new(b"0123456789abcdefghijklmn").unwrap();
    let ecb = TripleDes::new(key.clone(), CipherMode::Ecb, CipherEncoding::Hex)
        .encrypt_text("13800138000");
    assert_eq!(ecb, text(&variants["ecb_pkcs5_key24"]));
    assert_ne!(ecb, text(&variants["ecb_zero_padding_key24"]["hex"]));
    assert_ne!(ecb, text(&variants["cbc_zero_iv_key24"]["hex"]));

    let two_key = TripleDesKey::from_two_key(b"0123456789abcdef").unwrap();
    let expanded =
        TripleDes::new(two_key, CipherMode::Ecb, CipherEncoding::Hex).encrypt_text("13800138000");
    assert_eq!(expanded, text(&variants["ecb_key16_2TDEA_K1K2K1"]["hex"]));
    assert_ne!(expanded, text(&variants["ecb_key16_zero_filled_K3"]["hex"]));

    let degenerate = TripleDesKey::new(b"012345670123456701234567").unwrap();
    let single = TripleDes::new(degenerate, CipherMode::Ecb, CipherEncoding::Hex)
        .encrypt_text("13800138000");
    assert_eq!(
        single,
        text(&variants["ecb_degenerate_key_k1_eq_k2_eq_k3"]["hex"])
    );

    assert_eq!(
        TripleDesKey::new(&[0u8; 32]).unwrap_err().code(),
        ErrorCode::KeyLength
    );
}

#[test]
fn planes_four_to_fifteen_hash_correctly() {
    let cases = &load("interop.json")["pitfall_vectors"]
        ["sm_crypto_0_5_8_supplementary_planes_4_to_15"]["cases"];
    for (code_point, case) in cases.as_object().unwrap() {
        let scalar = u32::from_str_radix(&code_point[2..], 16).unwrap();
        let character = char::from_u32(scalar).unwrap().to_string();
        assert_eq!(hex::encode(character.as_bytes()), text(&case["utf8_hex"]));
        let sm3 = digest(EncryptType::Sm3, character.as_bytes());
        assert_eq!(sm3, text(&case["sm3_correct_openssl"]), "{code_point}");
        assert_ne!(
            sm3,
            text(&case["sm3_sm_crypto_0_5_8_string_input"]),
            "{code_point}"
        );
    }
}

#[test]
fn lone_surrogate_is_an_error() {
    assert_eq!(
        text_from_utf16(&[0xD842]).unwrap_err().code(),
        ErrorCode::LoneSurrogate
    );
    let name: Vec<u16> = "𠮷莉".encode_utf16().collect();
    let decoded = text_from_utf16(&name).unwrap();
    assert_eq!(
        digest(EncryptType::Md5, decoded.as_bytes()),
        "0035150e7705eec0b2a5fc0f787267a6"
    );
}
