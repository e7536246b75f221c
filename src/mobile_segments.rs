//! Allocated mainland mobile number segments, used to label a number.
//!
//! Table date: 2026-12-01. Source: the MIIT telecommunications numbering plan (电信网编号计划)
//! and its published allocations of 13x–19x segments to China Mobile, China Unicom, China
//! Telecom, China Broadnet, the virtual operators (移动转售) and satellite services.
//! An unknown segment is only a warning, so a segment allocated after this date still passes.

/// What a segment is allocated for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SegmentKind {
    /// A basic operator's ordinary mobile numbers.
    Basic,
    /// Virtual operators (mobile virtual network operators).
    Virtual,
    /// Data-only cards.
    Data,
    /// China Broadnet (中国广电).
    Broadcast,
    /// Satellite phones.
    Satellite,
}

impl SegmentKind {
    pub fn name(self) -> &'static str {
        match self {
            SegmentKind::Basic => "basic",
            SegmentKind::Virtual => "virtual",
            SegmentKind::Data => "data",
            SegmentKind::Broadcast => "broadcast",
            SegmentKind::Satellite => "satellite",
        }
    }

    pub fn label_zh(self) -> &'static str {
        match self {
            SegmentKind::Basic => "基础运营商",
            SegmentKind::Virtual => "虚拟运营商",
            SegmentKind::Data => "上网卡",
            SegmentKind::Broadcast => "广电",
            SegmentKind::Satellite => "卫星电话",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            SegmentKind::Basic => "basic operator",
            SegmentKind::Virtual => "virtual operator",
            SegmentKind::Data => "data card",
            SegmentKind::Broadcast => "broadcast operator",
            SegmentKind::Satellite => "satellite phone",
        }
    }
}

/// The operator a segment is allocated to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Operator {
    ChinaMobile,
    ChinaUnicom,
    ChinaTelecom,
    ChinaBroadnet,
    /// Virtual-operator segments are shared by many resellers of several hosts.
    Various,
}

impl Operator {
    pub fn name(self) -> &'static str {
        match self {
            Operator::ChinaMobile => "china_mobile",
            Operator::ChinaUnicom => "china_unicom",
            Operator::ChinaTelecom => "china_telecom",
            Operator::ChinaBroadnet => "china_broadnet",
            Operator::Various => "various",
        }
    }

    pub fn label_zh(self) -> &'static str {
        match self {
            Operator::ChinaMobile => "中国移动",
            Operator::ChinaUnicom => "中国联通",
            Operator::ChinaTelecom => "中国电信",
            Operator::ChinaBroadnet => "中国广电",
            Operator::Various => "多家",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            Operator::ChinaMobile => "China Mobile",
            Operator::ChinaUnicom => "China Unicom",
            Operator::ChinaTelecom => "China Telecom",
            Operator::ChinaBroadnet => "China Broadnet",
            Operator::Various => "various",
        }
    }
}

/// The date of the table below, so callers can show how current the labels are.
pub const TABLE_DATE: &str = "2026-12-01";

use Operator::*;
use SegmentKind::*;

/// Prefixes of 3 to 5 digits; the longest matching prefix wins, so `1349` overrides `134`.
pub(crate) const SEGMENTS: &[(&str, SegmentKind, Operator)] = &[
    ("130", Basic, ChinaUnicom),
    ("131", Basic, ChinaUnicom),
    ("132", Basic, ChinaUnicom),
    ("133", Basic, ChinaTelecom),
    ("134", Basic, ChinaMobile),
    ("1349", Satellite, ChinaTelecom),
    ("135", Basic, ChinaMobile),
    ("136", Basic, ChinaMobile),
    ("137", Basic, ChinaMobile),
    ("138", Basic, ChinaMobile),
    ("139", Basic, ChinaMobile),
    ("145", Data, ChinaUnicom),
    ("147", Data, ChinaMobile),
    ("149", Data, ChinaTelecom),
    ("150", Basic, ChinaMobile),
    ("151", Basic, ChinaMobile),
    ("152", Basic, ChinaMobile),
    ("153", Basic, ChinaTelecom),
    ("155", Basic, ChinaUnicom),
    ("156", Basic, ChinaUnicom),
    ("157", Basic, ChinaMobile),
    ("158", Basic, ChinaMobile),
    ("159", Basic, ChinaMobile),
    ("162", Virtual, Various),
    ("165", Virtual, Various),
    ("166", Basic, ChinaUnicom),
    ("167", Virtual, Various),
    ("170", Virtual, Various),
    ("171", Virtual, Various),
    ("172", Basic, ChinaMobile),
    ("173", Basic, ChinaTelecom),
    ("17400", Satellite, ChinaTelecom),
    ("17401", Satellite, ChinaTelecom),
    ("17402", Satellite, ChinaTelecom),
    ("17403", Satellite, ChinaTelecom),
    ("17404", Satellite, ChinaTelecom),
    ("17405", Satellite, ChinaTelecom),
    ("1749", Satellite, ChinaTelecom),
    ("175", Basic, ChinaUnicom),
    ("176", Basic, ChinaUnicom),
    ("177", Basic, ChinaTelecom),
    ("178", Basic, ChinaMobile),
    ("180", Basic, ChinaTelecom),
    ("181", Basic, ChinaTelecom),
    ("182", Basic, ChinaMobile),
    ("183", Basic, ChinaMobile),
    ("184", Basic, ChinaMobile),
    ("185", Basic, ChinaUnicom),
    ("186", Basic, ChinaUnicom),
    ("187", Basic, ChinaMobile),
    ("188", Basic, ChinaMobile),
    ("189", Basic, ChinaTelecom),
    ("190", Basic, ChinaTelecom),
    ("191", Basic, ChinaTelecom),
    ("192", Broadcast, ChinaBroadnet),
    ("193", Basic, ChinaTelecom),
    ("195", Basic, ChinaMobile),
    ("196", Basic, ChinaUnicom),
    ("197", Basic, ChinaMobile),
    ("198", Basic, ChinaMobile),
    ("199", Basic, ChinaTelecom),
];
