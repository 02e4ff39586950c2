"""Every finding code factcheck emits, in one table: ``factcheck explain CODE`` reads it.

Codes are stable: a newsroom's baseline and suppressions name them. FC0xx are input
problems, FC1xx agreement between figures, FC2xx built-in relations, FC3xx plans, FC4xx
rule sets, FC9xx the tool's own housekeeping.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CodeInfo:
    """What a code means.

    Attributes:
        code, name: ``FC201`` and ``share-mismatch``.
        severity: the highest severity it is reported with.
        title: one line in Chinese.
        what: what the check does.
        why: why a finding matters.
        example: a minimal example that triggers it.
        fix: what to do about it.
    """

    code: str
    name: str
    severity: str
    title: str
    what: str
    why: str
    example: str
    fix: str


_TABLE = [
    CodeInfo(
        "FC001",
        "input-error",
        "error",
        "输入有误",
        "声明、规则或配置文件无法使用。",
        "有问题的输入不能被核对，必须先修正。",
        "value: 12..3%",
        "按提示修改文件中指出的行。",
    ),
    CodeInfo(
        "FC002",
        "unreadable-figure",
        "error",
        "数字无法读取",
        "parse_quantity 无法把 value 读成带单位的数字区间。",
        "读不懂的数字无法参与核对。",
        "value: 约莫三成",
        "写成报告中印刷的数字，如 30%、3.4万余辆、突破600家。",
    ),
    CodeInfo(
        "FC003",
        "bad-file",
        "error",
        "文件无法解析",
        "文件不是 UTF-8 编码，或 YAML 语法有误。",
        "整个文件的声明都无法读取。",
        "claims:\n  - id: a\n   metric: x",
        "修正缩进或另存为 UTF-8。",
    ),
    CodeInfo(
        "FC004",
        "bad-registry",
        "error",
        "登记表有误",
        "metrics.yaml 或 subjects.yaml 中的定义有误（未知单位、别名重复、上级未登记）。",
        "登记表决定名称解析与量纲检查。",
        "整车产量:\n  unit: 辆辆",
        "使用单位表中的单位，保持别名唯一。",
    ),
    CodeInfo(
        "FC005",
        "bad-claim",
        "error",
        "声明结构有误",
        "声明缺少必填字段（id、metric、value、period），或字段类型不对。",
        "缺字段的声明无法定位与核对。",
        "- id: a\n  metric: 地区生产总值",
        "补上缺少的字段。",
    ),
    CodeInfo(
        "FC006",
        "bad-document",
        "error",
        "文档信息有误",
        "document 缺少 id，或两个文件使用了同一个文档 id。",
        "文档 id 是声明的出处标识，必须唯一。",
        "document: {title: …}",
        "为每个文档写唯一的 id。",
    ),
    CodeInfo(
        "FC007",
        "dangling-part-of",
        "error",
        "part_of 指向不存在的声明",
        "part_of（其中）应指向同一文档中另一条声明的 id。",
        "部分与整体的关系无法核对。",
        "part_of: no-such-claim",
        "改为整体那条声明的 id。",
    ),
    CodeInfo(
        "FC008",
        "bad-rule",
        "error",
        "规则有误",
        "规则文件无法解析、表达式语法错误，或引用了未登记的指标。",
        "有误的规则不能执行。",
        "expr: 第一产业增加值 + == 地区生产总值",
        "按提示修正表达式或在 metrics.yaml 中登记指标。",
    ),
    CodeInfo(
        "FC010",
        "schema",
        "error",
        "声明不符合数据规范",
        "pandera 规范检查失败：未知指标、单位与指标量纲不符、占比超过100%、"
        "期间无法识别、measure 或 status 未知等。",
        "不合规范的声明会让核对出错或漏检。",
        "metric: 整车产量\nvalue: 3万吨",
        "按提示改正该字段。",
    ),
    CodeInfo(
        "FC101",
        "figure-disagreement",
        "error",
        "同一数字前后不一",
        "同一主体、指标、期间、口径的数字在两处声明，且两者的取值区间不相交。",
        "读者会看到两个互相矛盾的数字。",
        "A 文：2022年海洋生产总值560亿元；B 文：2022年海洋生产总值600亿元",
        "核对原始统计，统一为同一数字；若口径不同，在 scope 中写明。",
    ),
    CodeInfo(
        "FC102",
        "revision",
        "error",
        "预计数被修订",
        "预计数或初步核算数后来被最终数重述，且二者不一致；在±5%的修订幅度内为提示，超出为警告；较大者超过较小者的两倍（增速等还须相差1个百分点以上）已不是修订，为错误。",
        "修订本身不是错误，但读者需要知道哪个数字是最终的。",
        "2022年预计560亿元；2023年文中2022年为520亿元",
        "在稿件中使用最终数，或注明“预计”。",
    ),
    CodeInfo(
        "FC103",
        "target-changed",
        "info",
        "同一目标前后不同",
        "同一指标、期间的两个目标不一致。",
        "可能是目标调整，也可能是期限不同，需要编辑判断。",
        "规划建设160亩；扩大种植规模至1000亩",
        "核对目标的期限，写入各自的 period。",
    ),
    CodeInfo(
        "FC110",
        "derived-mismatch",
        "error",
        "推算值与声明值矛盾",
        "由其他声明推算出的数字（如由占比与部分推出整体）与某处直接声明的数字不相交。"
        "同一推算值与多处声明同时不符时（如由全省总量和占比推得的全市总量，与各区的占比都不符），"
        "合为一条，列出所有涉及的声明，以「同一推算值与多处声明矛盾」开头。",
        "两篇稿件通过算术互相矛盾，读者可以自己算出来。",
        "A：海洋生产总值345亿元，占GDP的42.4%（推得GDP≈814亿元）；B：上半年GDP 900亿元",
        "检查推算链中的每个数字，修正有误的那个；多处同时不符时，先查推算链。",
    ),
    CodeInfo(
        "FC111",
        "derived-conflict",
        "error",
        "两条推算链矛盾",
        "同一数字由两条不同的推算链得出，结果不相交。",
        "至少有一个参与推算的数字有误。",
        "由占比推得的GDP与由增速推得的GDP不一致",
        "查看 chain 中的每一步，找出有误的数字。",
    ),
    CodeInfo(
        "FC201",
        "share-mismatch",
        "error",
        "占比与数值不符",
        "占比 = 部分 ÷ 整体；三者都给出时，按区间算术核对。",
        "比重写错是最常见的数字差错之一。",
        "海洋生产总值345亿元，占GDP的42.4%；GDP 900亿元（应约为 38.3%）",
        "改正最小修改处（fix）所指的数字。",
    ),
    CodeInfo(
        "FC202",
        "growth-mismatch",
        "error",
        "增速与前后两期数值不符",
        "同比增速 = 本期 ÷ 上年同期 − 1。"
        "按可比价计算的增速（地区生产总值、增加值）与现价比值不一致时最多为警告。",
        "增速与两期数值对不上，读者会怀疑全文数据。",
        "2022年600万吨，2023年突破1000万吨，增速66%（若600万吨是精确数则不符）",
        "核对两期数值与增速的口径；可比价增速请注明。",
    ),
    CodeInfo(
        "FC203",
        "points-mismatch",
        "error",
        "百分点差不符",
        "百分点差 = 本项 − 对比项（增速、占比或比率之差）。",
        "把百分点差写成百分比或算错很常见。",
        "增长15.8%，高于全市10.3个百分点；全市增长7%（应为 5.5% 左右）",
        "核对对比项的数字或差值。",
    ),
    CodeInfo(
        "FC204",
        "average-growth-mismatch",
        "error",
        "年均增速与首末两年数值不符",
        "年均增速 = (末年 ÷ 基年)^(1/年数) − 1，基年默认为时期的前一年（十三五为2015年）。",
        "五年规划回顾中常见的差错。",
        "2015年100亿元，2020年150亿元，年均增长12%（应约为 8.4%）",
        "核对基年与末年数值。",
    ),
    CodeInfo(
        "FC205",
        "multiple-mismatch",
        "error",
        "倍数不符",
        "倍数 = 本期 ÷ 基期；“增长2倍”是3倍，“翻一番”是2倍。",
        "“增长N倍”与“是N倍”常被混用。",
        "由100亿元增长到300亿元，称“增长3倍”（应为增长2倍）",
        "区分“增长N倍”与“是…的N倍”。",
    ),
    CodeInfo(
        "FC206",
        "change-mismatch",
        "error",
        "增减量不符",
        "增减量 = 本期 − 基期。",
        "增量与两期数值对不上。",
        "由500家增加到600家，称“新增120家”",
        "核对两期数值或增量。",
    ),
    CodeInfo(
        "FC207",
        "part-exceeds-whole",
        "error",
        "部分大于整体",
        "对可加指标，“其中”所指的部分不能超过整体；人均、平均等不可加的指标不比（城镇居民人均收入高于全体居民是常态）。",
        "部分大于整体必有一处错误。",
        "开工项目195个，其中市级项目204个",
        "核对部分或整体的数字。",
    ),
    CodeInfo(
        "FC208",
        "part-exceeds-parent",
        "error",
        "下级大于上级",
        "对可加指标，下级地区（或园区）的数字不能超过其上级地区。",
        "区的数字超过市的数字必有一处错误。",
        "即墨区整车产量30万辆；青岛市整车产量20万辆",
        "核对上下级的数字与口径。",
    ),
    CodeInfo(
        "FC210",
        "part-period-exceeds-period",
        "error",
        "部分期间大于全期",
        "对流量指标（产值、收入、投资、产量、新增数等，登记表中 flow: true），同一主体、口径的"
        "上半年、前三季度或某一年的数字不能超过所在全年或多年累计的数字。",
        "流量只会随期间累加：上半年的产值超过全年，必有一处数字、期间或单位写错。",
        "上半年地区生产总值 612 亿元；全年地区生产总值 598 亿元",
        "核对两处数字的期间（是否把全年写成了上半年）、单位与口径。",
    ),
    CodeInfo(
        "FC211",
        "towns-exceed-whole",
        "error",
        "各镇街之和大于全域",
        "同一文档中，对可加指标，各镇、乡、街道的数字之和不能超过该文档所述地区（全县、全区）的数字；"
        "开发区、园区等与镇街重叠的区域不计入。",
        "分镇街的表格或段落，各行之和超过合计行，必有一行数字写错。",
        "城关镇182.3亿元、东湖镇126.5亿元、西山乡105.8亿元、南岭镇107.6亿元；全县512.2亿元",
        "逐行核对各镇街的数字；若只列了部分镇街，其和也不应超过全域。",
    ),
    CodeInfo(
        "FC212",
        "share-over-whole",
        "error",
        "占比超过100%",
        "草稿中“占…的比重”大于100%。同一可加指标（占全市的115.5%）为错误；"
        "占另一指标的比重为警告，因为进出口总额占地区生产总值的比重等比率可以超过100%。"
        "部分与整体都已给出时，按占比关系核对（FC201）。声明文件中的这类占比在校验时即被拒绝（FC010）。",
        "部分不会大于整体：多半是数字、小数点或分母写错。",
        "新能源汽车产量18.6万辆，占全市汽车产量的比重达到115.5%",
        "核对占比的数字与分母；若是与上年或计划之比，改写为“为…的115.5%”。",
    ),
    CodeInfo(
        "FC209",
        "exceeds-capacity",
        "error",
        "产量超过产能",
        "同一主体同期的实际产量不应超过产能。",
        "产量超过产能多半是单位或期间写错。",
        "年产能10万辆；当年产量12万辆",
        "核对产能、产量的单位与期间。",
    ),
    CodeInfo(
        "FC301",
        "target-vs-result",
        "info",
        "目标与实际对照",
        "同一指标、期间既有目标又有实际时，列出完成、未完成或无法判定。",
        "编辑常需说明目标是否完成。",
        "目标突破700家；实际突破600家（无法判定）",
        "若要写“完成目标”，先确认实际数。",
    ),
    CodeInfo(
        "FC401",
        "rule-violated",
        "error",
        "规则不成立",
        "rules/*.yaml 中的规则（如三次产业增加值之和等于地区生产总值）在某一主体、期间不成立；"
        "严重程度不超过规则所设。",
        "违反定义恒等式的数字必有一处错误。",
        "第一、二、三产业增加值之和 1,000 亿元，地区生产总值 1,100 亿元",
        "核对参与规则的各个数字。",
    ),
    CodeInfo(
        "FC901",
        "unused-suppression",
        "warning",
        "未使用的抑制",
        "草稿中的 <!-- factcheck: ignore[代码] --> 或声明中的 ignore 项"
        "在本次核对中没有抑制任何发现。",
        "数字改正后，旧的抑制若留着，会悄悄放过将来同一位置的新问题；删除它，让抑制清单保持真实。",
        "<!-- factcheck: ignore[FC201] -->\n全区海洋生产总值达345亿元（此行已无 FC201 发现）",
        "删除该抑制标记。",
    ),
    CodeInfo(
        "FC902",
        "invalid-suppression",
        "warning",
        "无法识别的抑制指令",
        "以 <!-- factcheck: 开头的注释不是合法的抑制指令。",
        "写错的指令不会抑制任何发现，编辑却以为它生效了。",
        "<!-- factcheck: ignore FC201 -->   应写作   <!-- factcheck: ignore[FC201] -->",
        "按 <!-- factcheck: ignore[FC201] --> 的格式改写。",
    ),
    CodeInfo(
        "FC020",
        "bad-config",
        "error",
        "配置文件有误",
        "factcheck.toml 或 pyproject.toml 的 [tool.factcheck] 无法读取："
        "TOML 语法错误、未知的键或取值不对。",
        "配置决定核对哪些声明、用哪些规则、忽略哪些代码；读错配置的核对结果不可信。",
        '[tool.factcheck]\nfail-on = "critical"   # 应为 "error" 或 "warning"',
        "按提示修改配置文件。",
    ),
    CodeInfo(
        "FC021",
        "bad-baseline",
        "error",
        "基线文件有误",
        "--baseline 指定的文件不存在、不是 JSON，或不是 factcheck 生成的基线。",
        "读不了基线就无法区分新旧发现。",
        "factcheck check --baseline 不存在.json",
        "用 --update-baseline 重新生成基线文件。",
    ),
    CodeInfo(
        "FC022",
        "bad-input",
        "error",
        "命令的输入有误",
        "草稿或声明库找不到、无法读取、不是 UTF-8 编码，或参数（日期、文件类型、代码）无法识别。",
        "输入读不了，就无从核对。",
        "factcheck check 草稿.doc   # 应为 .md 或 .txt",
        "检查命令行参数与文件路径。",
    ),
]

CODES: dict[str, CodeInfo] = {c.code: c for c in _TABLE}
NAMES: dict[str, str] = {c.name: c.code for c in _TABLE}


def lookup(code_or_name: str) -> CodeInfo | None:
    """The entry for a code (``FC201``) or a name (``share-mismatch``), any case."""
    key = code_or_name.strip()
    return CODES.get(key.upper()) or CODES.get(NAMES.get(key.lower(), ""))
