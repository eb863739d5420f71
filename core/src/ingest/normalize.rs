//! Character normalization of published text: NFKC (full-width digits and punctuation), the
//! domain's traditional characters to simplified, pinyin annotations dropped, page footers
//! dropped. Every output byte remembers the input byte it came from, for provenance.

use unicode_normalization::UnicodeNormalization;

/// Normalized text that remembers, for every byte, the input byte it came from. The map is
/// sparse — a mark wherever the offset between output and input changes — so it costs memory in
/// proportion to the edits (tags dropped, characters narrowed), not to the text.
#[derive(Debug, Default)]
pub(crate) struct Text {
    pub s: String,
    /// `(output byte, input byte)` marks, ascending; between marks both advance together.
    marks: Vec<(u32, u32)>,
}

impl Text {
    pub fn with_capacity(n: usize) -> Text {
        Text { s: String::with_capacity(n), marks: Vec::new() }
    }

    /// Where the next output byte maps without a new mark (appending follows the last mark).
    fn next_source(&self) -> Option<usize> {
        let (o, src) = *self.marks.last()?;
        Some(src as usize + (self.s.len() - o as usize))
    }

    /// Appends `c`, remembered as coming from input byte `at`.
    pub fn push(&mut self, c: char, at: usize) {
        let out = self.s.len();
        if self.next_source() != Some(at) {
            let pair = (u32::try_from(out).unwrap_or(u32::MAX), u32::try_from(at).unwrap_or(u32::MAX));
            self.marks.push(pair);
        }
        self.s.push(c);
    }

    /// Appends `piece`, whose first byte comes from input byte `at` (the rest following on).
    pub fn push_str_at(&mut self, piece: &str, at: usize) {
        let out = self.s.len();
        if self.next_source() != Some(at) {
            let pair = (u32::try_from(out).unwrap_or(u32::MAX), u32::try_from(at).unwrap_or(u32::MAX));
            self.marks.push(pair);
        }
        self.s.push_str(piece);
    }

    fn source_opt(&self, i: usize) -> Option<usize> {
        let k = self.marks.partition_point(|(o, _)| (*o as usize) <= i);
        let (o, src) = *self.marks.get(k.checked_sub(1)?)?;
        Some(src as usize + (i - o as usize))
    }

    /// The input byte a normalized byte offset comes from.
    pub fn source(&self, i: usize) -> usize {
        self.source_opt(i).unwrap_or(0)
    }

    /// The input byte of the last byte written (for text synthesized after it, such as `|`).
    pub fn last_source(&self) -> usize {
        self.s.len().checked_sub(1).map_or(0, |i| self.source(i))
    }

    /// Cuts the text back to `len` bytes (a char boundary), with its marks.
    fn truncate(&mut self, len: usize) {
        self.s.truncate(len);
        // Every mark at or past the cut goes, down to an empty text: a mark left past the end would
        // make the next append's offset arithmetic underflow.
        while self.marks.last().is_some_and(|(o, _)| *o as usize >= len) {
            self.marks.pop();
        }
    }

    /// The trailing character, if any.
    fn last_char(&self) -> Option<char> {
        self.s.chars().next_back()
    }
}

/// Normalizes `input` (plain text, or text extracted from HTML with its own offsets) in one
/// pass, line by line; a line that turns out to be a page footer is taken back out.
pub(crate) fn normalize(input: &str, source: &dyn Fn(usize) -> usize) -> Text {
    let mut out = Text::with_capacity(input.len());
    let mut line_start = 0usize;
    let mut chars = input.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let at = source(i);
        // A pinyin annotation such as 鄉(xiāng) follows a Han character: skip it whole.
        if (c == '(' || c == '（') && out.last_char().is_some_and(is_han) {
            let rest = input.get(i + c.len_utf8()..).unwrap_or("");
            if let Some(len) = pinyin_annotation(rest) {
                while chars.peek().is_some_and(|(j, _)| *j < i + c.len_utf8() + len) {
                    chars.next();
                }
                continue;
            }
        }
        push_normalized(&mut out, c, at);
        if c == '\n' || chars.peek().is_none() {
            if out.s.get(line_start..).is_some_and(is_footer) {
                out.truncate(line_start);
                if c == '\n' {
                    out.push('\n', at);
                }
            }
            line_start = out.s.len();
        }
    }
    out
}

/// Length in bytes of `xiāng)` (letters with tone marks then a closing parenthesis), if `rest`
/// starts with one.
fn pinyin_annotation(rest: &str) -> Option<usize> {
    let mut letters = 0usize;
    for (i, c) in rest.char_indices() {
        if c == ')' || c == '）' {
            return (1..=8).contains(&letters).then_some(i + c.len_utf8());
        }
        if c.is_ascii_lowercase() || "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü".contains(c) {
            letters += 1;
            if letters > 8 {
                return None;
            }
        } else {
            return None;
        }
    }
    None
}

pub(crate) fn is_han(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' | '\u{f900}'..='\u{faff}')
}

fn push_normalized(out: &mut Text, c: char, at: usize) {
    // Fast path: ASCII and CJK unified ideographs are NFKC-stable.
    if c.is_ascii() {
        out.push(c, at);
        return;
    }
    if ('\u{4e00}'..='\u{9fff}').contains(&c) {
        out.push(simplified(c), at);
        return;
    }
    match c {
        // Spaces of every kind (U+00A0, U+3000 …) are one space; line separators a newline.
        c if is_space(c) => out.push(' ', at),
        '\u{200b}'..='\u{200d}' => {}
        '\u{2028}' | '\u{2029}' => out.push('\n', at),
        // Dashes of page footers and ranges read alike.
        '—' | '–' | '－' => out.push('-', at),
        _ => {
            for n in std::iter::once(c).nfkc() {
                out.push(simplified(n), at);
            }
        }
    }
}

/// Copies `piece` (the bytes of `from.s` at `start`) with its source offsets.
pub(crate) fn copy(out: &mut Text, from: &Text, start: usize, piece: &str) {
    // Marks of `from` inside the piece split it into runs that map linearly.
    let end = start + piece.len();
    let first = from.marks.partition_point(|(o, _)| (*o as usize) <= start);
    let mut cuts: Vec<usize> =
        from.marks.get(first..).unwrap_or(&[]).iter().map(|(o, _)| *o as usize).take_while(|o| *o < end).collect();
    cuts.push(end);
    let mut at = start;
    for cut in cuts {
        if cut > at {
            if let Some(run) = from.s.get(at..cut) {
                out.push_str_at(run, from.source(at));
            }
            at = cut;
        }
    }
}

fn is_footer(line: &str) -> bool {
    let t = line.trim();
    let Some(inner) = t.strip_prefix('-').and_then(|r| r.strip_suffix('-')) else { return false };
    let inner = inner.trim();
    !inner.is_empty() && inner.len() <= 4 && inner.bytes().all(|b| b.is_ascii_digit())
}

/// Traditional → simplified for the characters of the domain's vocabulary (labels, headings,
/// metadata, the usual words of the narrative). Pairs: traditional then simplified.
const TRADITIONAL: &str = "開开關关報报務务際际點点設设評评來来陽阳鎮镇鄉乡縣县區区機机構构體体總总計计數数據据處处\
請请況况結结轉转辦办與与復复議议訴诉訟讼維维審审盡尽發发佈布時时間间號号規规範范許许罰罚強强製制廢废現现額额萬万\
費费採采購购項项實实問问題题進进經经濟济會会組组織织業业學学續续網网絡络頁页圖图書书舉举訪访確确認认獲获後后歸归\
檔档庫库錄录於于為为當当說说們们個个這这從从對对將将應应條条屬属護护權权齊齐門门訊讯預预決决節节圍围衛卫環环響响\
達达還还劃划歷历屆届導导領领責责徹彻黨党員员專专欄栏稱称幹干傳传統统動动單单雙双視视頻频廣广擴扩寬宽聯联繫系電电\
話话郵邮編编輯辑碼码證证檢检監监價价級级層层標标準准線线複复製制務务衆众眾众並并優优勢势態态質质級级資资訊讯\
憑凭臺台灣湾歲岁會会參参與与議议論论調调節节規规劃划總总結结紀纪錄录夠够滿满確确態态緊紧跟跟隨随將将項项\
愛爱產产際际區区團团園园場场報报紙纸廢废舊旧隊队陳陈陸陆劉刘鄭郑趙赵孫孙馬马張张楊杨黃黄蘭兰濱滨淵渊沖冲\
無无體体內内週周佔占產产鄉乡鎮镇縣县區区幫帮貧贫臨临醫医藥药衛卫農农漁渔畝亩築筑灣湾勵励獎奖懲惩罰罚訴诉\
檢检驗验稅税財财貿贸銀银險险質质資资營营運运輸输車车鐵铁航航級级龍龙鳳凤樂乐聽听聲声寫写讀读講讲認认識识\
準准則则權权義义務务責责養养護护訓训練练習习驗验績绩賬账託托積积極极濟济級级興兴舉举廳厅屬属縮缩減减斷断\
據据採采訂订價价錢钱銷销雜杂簡简繁繁歡欢顧顾觀观規规範范紹绍細细緒绪續续綜综線线約约紅红綠绿藍蓝網网\
羅罗義义舉举韓韩瑪玛薩萨這这遠远適适選选遞递邊边鄰邻醫医釋释鍵键長长門门閉闭閱阅闡阐陰阴隨随險险雖虽\
頒颁頓顿預预領领頭头題题額额風风飛飞館馆驅驱驗验體体鬥斗鳥鸟麥麦齊齐齡龄壓压壞坏奮奋婦妇孫孙寧宁實实\
審审寶宝尋寻導导屆届嶺岭巖岩帳帐幣币廠厂廣广彈弹徑径從从徵征恆恒惡恶慮虑慶庆憂忧戰战戶户拋抛挾挟據据\
捨舍掃扫換换揚扬損损搖摇撥拨擁拥擔担擬拟擴扩攜携敵敌斂敛於于昇升暢畅曆历會会東东條条來来極极構构槍枪\
樣样樹树橋桥檔档權权歐欧殘残殺杀氣气沒没決决況况洩泄淚泪淺浅減减湯汤溝沟滅灭漢汉潔洁澤泽濃浓為为烏乌\
無无熱热營营爭争牆墙獄狱獨独獲获現现環环產产畫画當当療疗發发盜盗盡尽監监窮穷筆笔節节範范築筑簽签糧粮\
緊紧總总織织繳缴聖圣職职腦脑臉脸興兴艱艰藝艺蘇苏虛虚號号術术衝冲補补製制複复襲袭規规覽览觸触計计討讨\
記记許许訴诉診诊詢询詳详誌志語语誤误說说誰谁課课調调諮咨謀谋謂谓證证譜谱議议護护讓让豐丰負负貢贡財财\
販贩貨货責责貴贵貸贷費费資资賦赋賬账質质購购賽赛贊赞趨趋軍军軟软較较載载輔辅輕轻辦办農农遷迁運运過过\
達达違违遞递邏逻鄉乡醫医鈔钞錯错鍾钟鎮镇鏈链鑑鉴閒闲開开間间閘闸陽阳隊队階阶際际隱隐雜杂難难電电霧雾\
靜静響响頂顶項项順顺須须頻频顯显願愿類类飯饭養养驟骤髮发鬆松佈布僅仅傷伤億亿優优儲储兩两凍冻劃划勞劳\
勢势區区協协卻却厲厉參参嚴严團团圍围圖图壇坛處处備备夠够奪夺婁娄孿孪學学寬宽專专將将屆届帶带幫帮庫库\
廢废彙汇歸归徹彻態态慣惯擇择擊击擺摆攤摊啟启爾尔欽钦國国執执錶表偵侦稟禀閣阁";

fn simplified(c: char) -> char {
    if !('\u{4e00}'..='\u{9fff}').contains(&c) {
        return c;
    }
    let map = traditional_map();
    // Nearly every character is not a traditional one: one bit says so before any search
    // (the binary search per character was 7 % of parsing in callgrind).
    let bit = c as usize - 0x4e00;
    if map.bits.get(bit / 64).is_none_or(|w| w & (1u64 << (bit % 64)) == 0) {
        return c;
    }
    map.pairs.binary_search_by_key(&c, |(t, _)| *t).ok().and_then(|i| map.pairs.get(i)).map_or(c, |(_, s)| *s)
}

/// The pairs of [`TRADITIONAL`], sorted for binary search, and a bitmap over U+4E00–U+9FFF of
/// the characters that have a pair; built once.
struct TraditionalMap {
    pairs: Vec<(char, char)>,
    bits: Vec<u64>,
}

fn traditional_map() -> &'static TraditionalMap {
    static MAP: std::sync::LazyLock<TraditionalMap> = std::sync::LazyLock::new(|| {
        let chars: Vec<char> = TRADITIONAL.chars().filter(|c| !c.is_whitespace()).collect();
        let mut pairs: Vec<(char, char)> =
            chars.chunks_exact(2).filter_map(|p| Some((*p.first()?, *p.get(1)?))).filter(|(t, s)| t != s).collect();
        pairs.sort_unstable();
        pairs.dedup_by_key(|p| p.0);
        let mut bits = vec![0u64; (0x9fff - 0x4e00) / 64 + 1];
        for (t, _) in &pairs {
            if let Some(bit) = (*t as usize).checked_sub(0x4e00) {
                if let Some(w) = bits.get_mut(bit / 64) {
                    *w |= 1u64 << (bit % 64);
                }
            }
        }
        TraditionalMap { pairs, bits }
    });
    &MAP
}

/// The spaces other than ASCII white space that the reader takes for a space (U+00A0, U+3000,
/// U+2000–U+200A, U+FEFF): normalization prints each as one, and the HTML sniffer reads them so
/// in a tag.
pub(crate) fn is_space(c: char) -> bool {
    matches!(c, '\u{a0}' | '\u{3000}' | '\u{2000}'..='\u{200a}' | '\u{feff}')
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;

    fn norm(s: &str) -> String {
        normalize(s, &|i| i).s
    }

    #[test]
    fn full_width_traditional_and_pinyin() {
        assert_eq!(norm("１２３，（一）"), "123,(一)");
        assert_eq!(norm("鄉(xiāng)鎮(zhèn)政府信息公開"), "乡镇政府信息公开");
        assert_eq!(norm("本年新收 (单位)"), "本年新收 (单位)");
        assert_eq!(norm("a\n- 5 -\nb"), "a\n\nb");
    }

    #[test]
    fn pairs_are_well_formed() {
        // The table is pairs; no traditional character is given two different simplified forms
        // (the map keeps one of any repeated pair, so a conflict would be silently lost).
        let chars: Vec<char> = TRADITIONAL.chars().filter(|c| !c.is_whitespace()).collect();
        assert_eq!(chars.len() % 2, 0, "TRADITIONAL is not a list of pairs");
        let mut seen = std::collections::HashMap::new();
        for pair in chars.chunks_exact(2) {
            if let Some(previous) = seen.insert(pair[0], pair[1]) {
                assert_eq!(previous, pair[1], "{} maps to both {previous} and {}", pair[0], pair[1]);
            }
        }
        assert!(traditional_map().pairs.len() > 300);
        let t = normalize("ａ１b", &|i| i);
        assert_eq!(t.s, "a1b");
        assert_eq!((t.source(0), t.source(1), t.source(2)), (0, 3, 6));
        assert!(traditional_map().pairs.windows(2).all(|w| w[0].0 < w[1].0));
    }
}
