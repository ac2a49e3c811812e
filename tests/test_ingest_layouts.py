"""Furniture of layouts the seeds do not have, recognised by the cleaning from the text's own evidence (issue 15):
a note app's Markdown, a page saved as one line of HTML, a Taiwan text's zhuyin readings, an internal briefing's
masthead and distribution list, an e-mail's headers, a forum thread's quotes, signature and replies, a news
app's account line, a photo item, a browser's print header, footnotes at a page's foot, a table of articles
exported as CSV, and wrapped lines that end with hanging closing marks. Every removed line is reported; the
look-alikes in prose stay. All inputs are made up for these tests."""

from __future__ import annotations

import pytest

from wenku.corpus import process_bytes
from wenku.ingest.clean import clean_lines

P1 = "河湾村去年建起了共享农机站，二十多台农机统一调度，村民按亩付费，比各家各户自己买机器省下不少钱。"
P2 = "农机站的账目每月公开一次，村民可以在公告栏上看到每台机器的使用时长和维修费用，大家心里都有数。"
P3 = "站长说，明年打算再添两台插秧机，把周边三个村子的水田也纳入服务范围。"
P4 = "插秧机进村以后，年轻人也愿意回来种地了，有人还考了农机操作证，农忙时在站里当机手。"
P5 = "县里的农技员每周来站里一次，教机手保养机器，也帮村民看土壤化验单，哪块地该施什么肥一目了然。"
P6 = "有人担心农机站收费会越来越高，村委会的回答是：价格由村民代表大会定，涨价要过半数同意才行。"
CLOSERS = "”’」』）》】〕。，、；：！？"


def wrap(paragraph: str, width: int) -> list[str]:
    """A paragraph cut every width characters, as a typesetter does: closing marks stay at the line's end."""
    out, rest = [], paragraph
    while len(rest) > width:
        cut = width
        while cut < len(rest) and rest[cut] in CLOSERS and cut < width + 2:
            cut += 1
        out.append(rest[:cut])
        rest = rest[cut:]
    return out + [rest] if rest else out


def clean(lines: list[str], traditional: bool = False):
    skip = frozenset() if traditional else frozenset({"fix_traditional_to_simplified"})
    out, report, meta = clean_lines("\n".join(lines), skip)
    return [ln.text for ln in out if ln.text.strip()], report, meta


def removed(report, kind: str) -> list[str]:
    return [c.before for c in report if c.kind == kind]


def test_zhuyin_readings_after_characters_are_removed_and_reported():
    text, report, _ = clean(["社區的圖（ㄊㄨˊ）書館週末也開放，借閱（ㄩㄝˋ）的人不少。"], traditional=True)
    assert text == ["社区的图书馆周末也开放，借阅的人不少。"]
    assert len([c for c in report if c.kind == "remove_zhuyin_annotations"]) == 2


def test_a_page_saved_on_one_line_loses_its_head_and_keeps_its_text():
    page = (
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>共享农机站_某某网</title>'
        "<style>p{margin:0}</style></head><body><h1>共享农机站</h1>"
        f"<div>2026-03-01　来源：某某网　作者：石禾</div><p>{P1}</p><p>{P2}</p></body></html>"
    )
    text, report, _ = clean([page])
    assert text == ["共享农机站", "2026-03-01　来源：某某网　作者：石禾", P1, P2]
    assert any("<title>共享农机站_某某网</title>" in c.before for c in report if c.kind == "remove_html_head")


def test_markdown_bold_and_wiki_links_keep_their_words_link_and_tag_lines_go():
    text, report, _ = clean(
        [
            "# 共享农机站",
            "",
            "河湾村的做法是**统一调度**，按[[亩均收费]]结算，村民都说合算。",
            "",
            "参考：[[农机合作社]]、[[土地托管|托管]]",
            "#农村 #农机",
        ]
    )
    assert text == ["# 共享农机站", "河湾村的做法是统一调度，按亩均收费结算，村民都说合算。"]
    assert removed(report, "remove_link_list") == ["参考：[[农机合作社]]、[[土地托管|托管]]"]
    assert removed(report, "remove_tag_line") == ["#农村 #农机"]
    assert any(c.kind == "remove_markdown_marks" for c in report)


def test_markdown_links_keep_their_words():
    text, report, _ = clean(["# 共享农机站", "", "详见[农机站介绍](https://example.com/a)，账目每月公开。"])
    assert text == ["# 共享农机站", "详见农机站介绍，账目每月公开。"]


def test_a_masthead_without_a_rule_needs_its_imprint():
    masthead = ["乡村振兴参考", "2026年第4期（总第40期）", "县农业农村局　编　　　　　　2026年3月20日", ""]
    text, report, _ = clean([*masthead, "插秧机进村以后", "林穗", "", P1, "", P2])
    assert text == ["插秧机进村以后", "林穗", P1, P2]
    assert len(removed(report, "remove_page_head")) + len(removed(report, "remove_running_header")) == 3
    # a title, a byline and the journal's issue without an imprint under them: the article's head, kept
    text, _, _ = clean(["插秧机进村以后", "林穗", "《乡村振兴参考》2026年第4期", "", P1, "", P2])
    assert text[:2] == ["插秧机进村以后", "林穗"]


def test_a_briefings_masthead_distribution_list_and_print_count_are_not_text():
    text, report, _ = clean(
        [
            "农村工作简报",
            "第12期",
            "县农业农村局办公室　　　　2026年3月5日",
            "━━━━━━━━━━━━━━━━━━━━",
            "",
            "河湾村共享农机站运行情况",
            P1,
            P2,
            "━━━━━━━━━━━━━━━━━━━━",
            "报：县委办公室，县政府办公室",
            "送：各乡镇人民政府，县财政局",
            "（共印30份）",
        ]
    )
    assert text == ["河湾村共享农机站运行情况", P1, P2, "━━━━━━━━━━━━━━━━━━━━"]
    assert len(removed(report, "remove_page_head")) == 4  # with the rule under it
    assert len(removed(report, "remove_distribution_list")) == 3


def test_an_emails_header_lines_and_subscription_notice_are_not_text():
    text, report, _ = clean(
        [
            "发件人: 乡村通讯 <news@village.example>",
            "收件人: reader@example.com",
            "主题: 第9期｜共享农机站",
            "日期: 2026年3月6日 周五 08:00",
            "",
            "共享农机站",
            "",
            P1,
            "",
            "你收到这封邮件，是因为你订阅了乡村通讯。",
        ]
    )
    assert text == ["共享农机站", P1]
    assert len(removed(report, "remove_mail_header")) + len(removed(report, "remove_contact_email")) == 4


def test_a_forum_posts_quotes_and_signature_are_not_the_post():
    # (the replies under the opening post are the structure's forum splitter's: structure/forum.py)
    text, report, meta = clean(
        [
            "田间地头论坛 › 农机交流 › 经验分享",
            "共享农机站到底划不划算？",
            "查看: 912 | 回复: 8",
            "",
            "楼主　老石种地　发表于 2026-3-2 20:11 | 只看该作者",
            "",
            "引用:",
            "稻花香 发表于 2026-3-1 09:00",
            "我们村也想办，就怕没人管。",
            "",
            P1,
            "",
            P2,
            "",
            "------------------------------",
            "种了二十年地，欢迎来河湾村看看。",
            "",
            "回复 举报 ↑顶部",
        ]
    )
    assert text == ["共享农机站到底划不划算？", P1, P2]
    assert removed(report, "remove_forum_quote") == [
        "引用：",
        "稻花香 发表于 2026-3-1 09:00",
        "我们村也想办，就怕没人管。",
    ]
    assert "种了二十年地，欢迎来河湾村看看。" in removed(report, "remove_signature")
    assert removed(report, "remove_breadcrumb") == ["田间地头论坛 › 农机交流 › 经验分享"]


def test_a_quote_run_straight_into_the_post_takes_only_its_first_line_of_words():
    text, report, _ = clean(["引用:", "稻花香 发表于 2026-3-1 09:00", "我们村也想办，就怕没人管。", P1, P2])
    assert text == [P1, P2]
    assert removed(report, "remove_forum_quote") == [
        "引用：",
        "稻花香 发表于 2026-3-1 09:00",
        "我们村也想办，就怕没人管。",
    ]


def test_a_discuz_thread_saved_without_blank_lines_keeps_the_post():
    text, report, meta = clean(
        [
            "田间地头论坛 » 农机交流 » 共享农机站",
            "共享农机站的账怎么算",
            "楼主: 老石种地 | 查看: 912 | 回复: 8",
            "",
            "老石种地 发表于 2026-3-2 20:11",
            "原帖由 稻花香 于 2026-3-1 09:00 发表",
            "我们村也想办，就怕没人管。",
            P1,
            "",
            P2,
            "",
            "__________________",
            "种了二十年地。",
            "回复 引用 举报",
        ]
    )
    assert text == ["共享农机站的账怎么算", P1, P2]
    assert removed(report, "remove_forum_quote") == [
        "原帖由 稻花香 于 2026-3-1 09:00 发表",
        "我们村也想办，就怕没人管。",
    ]
    assert removed(report, "remove_signature") == ["__________________", "种了二十年地。"]


def test_an_email_with_english_labels_and_a_footer_notice():
    text, report, _ = clean(
        [
            "From: Village Weekly <weekly@village.example>",
            "To: reader@example.com",
            "Subject: 第9期",
            "",
            P1,
            "",
            "本邮件由乡村周刊发送。如不想再收到，请点此退订。",
        ]
    )
    assert text == [P1]
    assert len(removed(report, "remove_mail_header")) == 3
    assert removed(report, "remove_web_chrome") == ["本邮件由乡村周刊发送。如不想再收到，请点此退订。"]


def test_a_news_apps_account_and_time_above_the_follow_button_are_not_text():
    text, report, _ = clean(
        ["共享农机站让小农户用上大机器", "乡村振兴观察", "2026-03-02 10:15 · 河湾 · 观察号作者", "+ 关注", "", P1]
    )
    assert text == ["共享农机站让小农户用上大机器", P1]
    assert removed(report, "remove_account_line") == ["乡村振兴观察", "2026-03-02 10:15 · 河湾 · 观察号作者"]


def test_an_account_named_beside_its_follow_button_and_the_fold_are_not_text():
    text, report, _ = clean(
        ["共享农机站让小农户用上大机器", "乡村观察 + 关注", "03-02 10:15 · 河湾", "", P1, "", "展开阅读全文", P2]
    )
    assert text == ["共享农机站让小农户用上大机器", P1, P2]
    assert removed(report, "remove_account_line") == ["乡村观察 + 关注", "03-02 10:15 · 河湾"]
    # a person's name with a follow button is a byline, left to the structure
    text, _, _ = clean(["共享农机站让小农户用上大机器", "石禾 关注", "", P1])
    assert "石禾 关注" in text


def test_a_pages_address_printed_on_each_page_is_not_text():
    url = "https://news.example/a/2026/0309.html"
    text, report, _ = clean(
        ["共享农机站的账怎么算 - 某某网", url, "", P1, "", "1 / 2", "共享农机站的账怎么算 - 某某网", url, P2]
    )
    assert url not in text and P1 in text and P2 in text
    assert removed(report, "remove_running_header").count(url) == 2


def test_a_browsers_print_header_and_footer_go_and_the_paragraph_is_joined():
    head = "2026/3/9 上午9:05　　共享农机站的账怎么算_某某网"
    foot = "https://news.example/a/2026/0309.html　　1/2"
    text, report, _ = clean([head, "", "共享农机站的账怎么算", "", P1[:30], foot, head, P1[30:], "", P2])
    assert text == ["共享农机站的账怎么算", P1, P2]
    assert len(removed(report, "remove_title_bar")) == 2 and len(removed(report, "remove_running_header")) == 1


def test_footnotes_at_a_pages_foot_go_and_the_paragraph_goes_on_after_the_page_break():
    cited = P1.replace("统一调度，", "统一调度[1]，") + P2
    first = wrap("　　" + cited, 36)
    lines = [
        *first[:-1],
        "——————",
        "[1] 据县农业农村局2025年统计。",
        "- 1 -",
        first[-1],
        *wrap("　　" + P3 + P4, 36),
        *wrap("　　" + P5 + P6, 36),
    ]
    text, report, _ = clean(lines)
    assert removed(report, "remove_page_footnote") == ["——————", "[1] 据县农业农村局2025年统计。"]
    assert text == [cited, P3 + P4, P5 + P6]


@pytest.mark.parametrize("footer", ["第1页，共2页", "Page 1 of 2", "共2页，第1页"])
def test_a_page_count_with_its_comma_is_a_footer(footer):
    first = wrap("　　" + P1 + P2, 36)
    lines = [*first[:-1], footer, first[-1], *wrap("　　" + P3 + P4, 36), *wrap("　　" + P5 + P6, 36)]
    text, report, _ = clean(lines)
    assert text == [P1 + P2, P3 + P4, P5 + P6]
    assert removed(report, "remove_running_header") == [footer]


def test_notes_after_the_text_without_a_footer_under_them_stay():
    text, report, _ = clean([P1 + "[1]", "", P2, "", "[1] 据县农业农村局2025年统计。"])
    assert text[-1] == "[1] 据县农业农村局2025年统计。"
    assert not removed(report, "remove_page_footnote")


def test_a_table_of_articles_exported_as_csv_gives_one_article_per_row():
    csv_text = (
        "编号,标题,作者,来源,日期,正文\n"
        f'1,共享农机站的账怎么算,石禾,乡村周刊,2026-03-01,"{P1}\n{P2}"\n'
        f'2,插秧机进村以后,林穗,乡村周刊,2026-03-08,"<p>{P3}</p><p>{P4}</p>"\n'
    )
    result = process_bytes("table.txt", csv_text.encode("utf-8"), None)
    arts = result.articles
    assert [a.title for a in arts] == ["共享农机站的账怎么算", "插秧机进村以后"]
    assert [a.authors for a in arts] == [["石禾"], ["林穗"]]
    assert [b.text for b in arts[0].blocks if b.kind == "p"] == [P1, P2]
    assert [b.text for b in arts[1].blocks if b.kind == "p"] == [P3, P4]
    assert any("乡村周刊" in c.before for c in result.report)  # the other fields are reported


def test_prose_with_commas_is_not_a_table():
    text, report, _ = clean(["甲,乙,丙三个村子都在河边,共用一座农机站。", P1, "去年,站里添了两台收割机,效果不错。"])
    assert text == ["甲，乙，丙三个村子都在河边，共用一座农机站。", P1, "去年，站里添了两台收割机，效果不错。"]
    assert not [c for c in report if "table" in c.kind]


def test_a_line_that_hangs_its_closing_marks_over_the_wrap_width_goes_on():
    para = "河湾村去年建起了共享农机站，二十多台农机统一调度，人说“划算”。站长说，账目每月公开一次，谁都能查。"
    assert len(wrap(para, 30)[0]) == 32  # the closing marks hang over the width
    paras = [para, P2, P3, P4, P5, P6]
    lines = [x for p in paras for x in [*wrap(p, 30), ""]]
    text, _, _ = clean(lines)
    assert text == paras


def test_a_rule_under_a_wrapped_paragraph_is_not_joined_to_the_next_line():
    wrapped = [
        "　　河湾村去年建起了共享农机站，二十多台农机统一调度，村民按亩付费，比各",
        "家各户自己买机器省下不少钱。站里的账目每月公开一次，村民可以在公告栏上",
        "看到每台机器的使用时长和维修费用，大家心里都有数，干部也省了不少口舌。",
        "　　站长说，明年打算再添两台插秧机，把周边三个村子的水田也纳入服务范围",
        "，让更多农户用上大机器，也让农机站自己能够收支平衡，不再靠补贴过日子。",
        "━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━",
        "附：河湾村农机站服务价目表",
    ]
    text, _, _ = clean(wrapped)
    assert "━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━" in text
    assert "附：河湾村农机站服务价目表" in text


def test_appeals_in_their_looser_forms_are_promotion():
    text, report, _ = clean(
        [
            P1,
            "",
            "点击上方“乡村通讯”，选择“设为星标”",
            "好文不错过，第一时间送达！",
            "",
            P2,
            "",
            "别错过！加入乡村通讯读者群，每天免费看新闻",
            "",
            "★乡村通讯提醒您，农机操作注意安全★",
            "",
            P3,
        ]
    )
    assert text == [P1, P2, P3]
    assert len(removed(report, "remove_promotion")) == 4


@pytest.mark.parametrize(
    "line",
    [
        "特别声明：以上内容为自媒体平台“某某号”用户上传并发布，本平台仅提供信息存储服务。",
        "打开某某新闻，查看更多精彩内容",
        "返回首页，查看更多",
        "延伸阅读：插秧机怎么选",
        "喜欢就点个赞吧",
        "展开全文 ∨",
        "查看原图",
        "分享让更多人看到",
        "内部资料　注意保存",
        "Created: March 21, 2026 10:40 PM",
        "创建时间：2026-03-21 22:40",
    ],
)
def test_a_furniture_line_between_paragraphs_goes(line):
    text, report, _ = clean([P1, "", line, "", P2])
    assert text == [P1, P2]
    assert [c.before for c in report if c.kind.startswith("remove_")] == [line]


def test_the_space_after_a_dateline_stays_for_the_structure_to_read_it():
    text, _, _ = clean(["本报讯　“农机站开起来以后，农忙时节再也不用四处求人借机器了。”3月5日，河湾村村民 说。"])
    assert text == ["本报讯　“农机站开起来以后，农忙时节再也不用四处求人借机器了。”3月5日，河湾村村民说。"]


def test_an_editor_credit_with_a_staff_id_keeps_the_name():
    text, report, meta = clean([P1, "", "责任编辑：石禾_NB1234", "", P2])
    assert text == [P1, P2] and meta["editors"] == [(3, ["石禾"])]


@pytest.mark.parametrize(
    "lines",
    [
        # a meeting notice's labelled lines at the top: no sender or recipient, not an e-mail
        ["主题：共享农机站经验交流", "时间：2026年3月10日", "地点：河湾村村委会", "", P1],
        # a title, a byline and a date above a rule: no issue number, not a masthead
        ["共享农机站的账怎么算", "石禾", "2026年3月1日", "━━━━━━━━━━━━━━━━━━━━", P1],
        # a label and a sentence, not a list of offices
        ["报：站里的账目已经公开了，大家可以去看。", P2],
        # a photo label without a photographer's credit under it
        ["【图片】", "河湾村的农机站。", P1],
        # a rule followed by prose, no reply buttons: not a signature
        [P1, "------------------------------", P2, "", P3],
        # Markdown-looking marks that are not a pair around words
        ["他算了一笔账：2 ** 3 等于8，a**b 是乘方的写法，村里的孩子都学会了。"],
        # prose about quoting and following
        ["引用他的话说，农机站是“把散户拢起来”的办法。", "关注农机站的人越来越多，县里也派人来看过。"],
        # a reading aid in brackets that is not zhuyin
        ["农机站（共享）模式（2025）在县里推广。"],
        # a sentence about unwanted calls, labelled counts in prose
        ["如不想再收到推销电话，可以拨打投诉电话进行登记，工作人员会及时处理。", "回复：我们已经收到了。"],
        # opening a phone to read more, a statement quoted in a sentence
        ["打开手机，查看更多消息的人越来越少。", "他特别声明：这不代表公司立场，只是个人看法。"],
        # a story's title that is a one-word mark elsewhere
        ["秘密", P1],
        # a heading between stars, an exclamation in the text, joining a cooperative
        ["★ 核心观点 ★", P1, "太好了！", "不用担心！加入合作社的农户都能分红。"],
    ],
)
def test_look_alikes_in_prose_stay(lines):
    text, report, _ = clean(lines)
    assert text == [ln for ln in lines if ln.strip()]
    assert not [c for c in report if c.kind.startswith(("remove_", "read_"))], [(c.kind, c.before) for c in report]
