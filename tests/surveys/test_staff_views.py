"""The staff pages of a campaign for Home Affairs and the reform office: the list, progress per
stratum, paper entry marked as such, results with intervals, the XLSX read back, printable
cards with the link and its QR code; other officers get 403."""

from __future__ import annotations

import io
import zipfile
from xml.etree import ElementTree

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from cchc.core.docx import W
from cchc.core.templatetags.vn import percent
from cchc.surveys import messages as msg
from cchc.surveys.models import Channel, Response, Stratum
from cchc.surveys.services import campaign_results, response_enter, response_submit
from tests.dossiers.helpers import at
from tests.surveys.conftest import all_satisfied
from tests.surveys.test_services import answer

pytestmark = pytest.mark.django_db


def paper_form(stratum, questions, channel="paper") -> dict:
    data = {f"q{pk}": str(value) for pk, value in all_satisfied(questions).items()}
    return data | {"stratum": str(stratum.pk), "channel": channel}


@pytest.mark.parametrize(
    "name", ["list", "detail", "enter", "results", "results_xlsx", "results_docx", "cards"]
)
def test_other_officers_may_not_open_the_survey_pages(client, campaign, specialist, name):
    client.force_login(specialist)
    args = [] if name == "list" else [campaign.code]
    assert client.get(reverse(f"surveys:{name}", args=args)).status_code == 403


def test_an_unknown_campaign_is_a_404(client, home_affairs_evaluator, campaign):
    client.force_login(home_affairs_evaluator)
    assert client.get(reverse("surveys:detail", args=["KHONG-CO"])).status_code == 404


def test_the_list_and_the_progress_per_stratum(client, campaign, questionnaire, reform_officer):
    _q, questions = questionnaire
    response_submit(
        key=campaign.tokens.first().key, answers=all_satisfied(questions), now=at(2025, 4, 3)
    )
    client.force_login(reform_officer)
    listing = client.get(reverse("surveys:list")).content.decode()
    assert campaign.code in listing and "01/03/2025 – 31/03/2025" in listing
    stratum = campaign.strata.get()
    page = client.get(reverse("surveys:detail", args=[campaign.code]))
    assert page.status_code == 200
    assert f'data-testid="progress-{stratum.pk}">1 / 4<' in page.content.decode()


def test_staff_enter_a_paper_form_marked_as_paper(
    client, campaign, questionnaire, home_affairs_evaluator
):
    _q, questions = questionnaire
    stratum = campaign.strata.get()
    client.force_login(home_affairs_evaluator)
    url = reverse("surveys:enter", args=[campaign.code])
    assert client.get(url).status_code == 200
    # Campaign tokens expire a month after 01/04/2025, but staff entry is not token-bound.
    sent = client.post(url, paper_form(stratum, questions))
    assert sent.status_code == 302
    response = Response.objects.get()
    assert (response.channel, response.entered_by, response.stratum) == (
        Channel.PAPER,
        home_affairs_evaluator,
        stratum,
    )


def test_a_paper_form_without_its_channel_or_an_answer_is_shown_again(
    client, campaign, questionnaire, home_affairs_evaluator
):
    _q, questions = questionnaire
    stratum = campaign.strata.get()
    client.force_login(home_affairs_evaluator)
    data = paper_form(stratum, questions, channel="online")
    del data[f"q{questions['access'].pk}"]
    page = client.post(reverse("surveys:enter", args=[campaign.code]), data)
    assert page.status_code == 422
    assert str(msg.MSG_CHANNEL) in page.content.decode()
    data["channel"] = "phone"
    page = client.post(reverse("surveys:enter", args=[campaign.code]), data)
    assert page.status_code == 422
    assert str(msg.MSG_REQUIRED) in page.content.decode()
    assert not Response.objects.exists()


def three_answers(campaign, questions, actor) -> None:
    a, b = campaign.tokens.all()[:2]
    response_submit(key=a.key, answers=answer(questions, 5, 3, 4, 4, 2), now=at(2025, 4, 3))
    response_submit(key=b.key, answers=answer(questions, 2, 1, 5, 3), now=at(2025, 4, 3))
    response_enter(
        campaign=campaign,
        stratum=campaign.strata.get(),
        channel="paper",
        answers=answer(questions, 4, 2, 1, 5, 1),
        actor=actor,
    )


def test_the_results_page_shows_indexes_with_their_intervals(
    client, campaign, questionnaire, home_affairs_evaluator
):
    three_answers(campaign, questionnaire[1], home_affairs_evaluator)
    client.force_login(home_affairs_evaluator)
    html = client.get(reverse("surveys:results", args=[campaign.code])).content.decode()
    # Worked out by hand in test_services: 2 of 3 → 66,7 %, Wilson 20,8 % – 93,9 %;
    # overall 63,3 %, 18,5 % – 93,2 %.
    assert "66,7%" in html and "20,8% – 93,9%" in html
    assert "63,3%" in html and "18,5% – 93,2%" in html


def test_the_xlsx_export_reads_back_with_the_same_figures(
    client, campaign, questionnaire, home_affairs_evaluator
):
    three_answers(campaign, questionnaire[1], home_affairs_evaluator)
    client.force_login(home_affairs_evaluator)
    download = client.get(reverse("surveys:results_xlsx", args=[campaign.code]))
    assert download.status_code == 200
    assert f"khao-sat-{campaign.code}.xlsx" in download["Content-Disposition"]
    book = load_workbook(io.BytesIO(download.content))
    rows = list(book["Kết quả"].iter_rows(min_row=5, values_only=True))
    access = rows[0]
    assert access[:4] == ("Toàn đợt khảo sát", "Tiếp cận dịch vụ", 3, 2)
    assert access[4] == pytest.approx(2 / 3)
    assert access[5] == pytest.approx(0.2077, abs=1e-4)
    assert access[6] == pytest.approx(0.9385, abs=1e-4)
    overall = rows[5]
    assert overall[1] == "Chỉ số chung (trung bình các tiêu chí)"
    assert overall[4] == pytest.approx(0.6333, abs=1e-4)
    progress = list(book["Tiến độ"].iter_rows(min_row=2, values_only=True))
    assert progress == [("Sở Xây dựng", campaign.strata.get().service_name, 6, 4, 4, 2, 1, 0, 3)]


def docx_texts(content: bytes) -> tuple[list[str], list[list[str]]]:
    """The paragraphs and the table rows (cell texts) of a DOCX, read back from its XML."""
    with zipfile.ZipFile(io.BytesIO(content)) as package:
        root = ElementTree.fromstring(package.read("word/document.xml"))

    def text(node) -> str:
        return "".join(t.text or "" for t in node.iter(f"{{{W}}}t"))

    paragraphs = [text(p) for p in root.iter(f"{{{W}}}p")]
    rows = [[text(c) for c in r.iter(f"{{{W}}}tc")] for r in root.iter(f"{{{W}}}tr")]
    return paragraphs, rows


def figures(result) -> list[list[str]]:
    """The rows the report must show for one scope, from ``campaign_results``."""

    def interval(i) -> str:
        return f"{percent(i.low)} – {percent(i.high)}" if i else "—"

    rows = [
        [str(r.answers), str(r.satisfied), percent(r.index) or "—", interval(r.interval)]
        for r in result.elements
    ]
    return [*rows, [str(result.answers), "", percent(result.index), interval(result.interval)]]


def test_the_docx_report_carries_the_campaign_and_the_figures_of_the_results(
    client, campaign, questionnaire, home_affairs_evaluator
):
    three_answers(campaign, questionnaire[1], home_affairs_evaluator)
    client.force_login(home_affairs_evaluator)
    page = client.get(reverse("surveys:results", args=[campaign.code])).content.decode()
    assert reverse("surveys:results_docx", args=[campaign.code]) in page
    download = client.get(reverse("surveys:results_docx", args=[campaign.code]))
    assert download.status_code == 200
    assert download["Content-Type"].endswith("wordprocessingml.document")
    assert f"bao-cao-khao-sat-{campaign.code}.docx" in download["Content-Disposition"]
    paragraphs, rows = docx_texts(download.content)
    assert paragraphs[0] == "BÁO CÁO KẾT QUẢ KHẢO SÁT MỨC ĐỘ HÀI LÒNG"
    assert (
        "Hồ sơ trả kết quả từ ngày 01/03/2025 đến ngày 31/03/2025; sai số e = 30%; phiếu nhận "
        "được: 2 trực tuyến, 1 phiếu giấy, 0 qua điện thoại."
    ) in paragraphs
    stratum = campaign.strata.get()
    assert ["Sở Xây dựng", stratum.service_name, "6", "4", "3", "2 / 1 / 0"] in rows
    results = campaign_results(campaign)
    tables = [r[1:] for r in rows if len(r) == 5 and r[0] != "Tiêu chí"]
    # Overall, then the one agency, then its one service: three tables of six rows each.
    expected = figures(results.overall) + figures(results.by_agency[0][1])
    expected += figures(results.by_stratum[0][1])
    assert tables == expected
    assert tables[0] == ["3", "2", "66,7%", "20,8% – 93,9%"]
    assert tables[5] == ["14", "", "63,3%", "18,5% – 93,2%"]
    assert any("Yamane" in p and "Wilson" in p for p in paragraphs)


def test_odd_stored_texts_do_not_break_the_docx_report(
    client, campaign, questionnaire, home_affairs_evaluator
):
    Stratum.objects.filter(campaign=campaign).update(service_name="Cấp phép <&> \x01\x0b“x”")
    client.force_login(home_affairs_evaluator)
    download = client.get(reverse("surveys:results_docx", args=[campaign.code]))
    assert download.status_code == 200
    paragraphs, rows = docx_texts(download.content)
    assert any("Cấp phép <&>" in cell for row in rows for cell in row)
    assert not any("\x01" in p for p in paragraphs)
    assert "Sở Xây dựng — Cấp phép <&> “x”" in [p.replace("  ", " ") for p in paragraphs]


def test_the_cards_show_the_link_and_its_qr_code_for_unused_tokens_only(
    client, campaign, questionnaire, home_affairs_evaluator
):
    used = campaign.tokens.first()
    response_submit(key=used.key, answers=all_satisfied(questionnaire[1]), now=at(2025, 4, 3))
    client.force_login(home_affairs_evaluator)
    html = client.get(reverse("surveys:cards", args=[campaign.code])).content.decode()
    assert html.count('data-testid="survey-card"') == 3
    assert html.count("data:image/svg+xml;base64,") == 3
    assert used.key not in html
    other = campaign.tokens.exclude(pk=used.pk).first()
    assert reverse("surveys_public:respond", args=[other.key]) in html


def open_form(world, questionnaire, **extra) -> dict:
    data = {
        "code": "KS-2025-T3",
        "name": "Khảo sát tháng 3",
        "period_start": "01/03/2025",
        "period_end": "31/03/2025",
        "questionnaire": str(questionnaire.pk),
        "agencies": [str(world.construction.pk)],
        "margin": "0,3",
        "seed": "thang-3",
        "token_days": "30",
    }
    data.update(extra)
    return data


def test_a_campaign_is_opened_from_its_page_with_its_strata_and_sample(
    client, world, questionnaire, six_returned, home_affairs_evaluator, specialist
):
    client.force_login(specialist)
    assert client.get(reverse("surveys:open")).status_code == 403
    client.force_login(home_affairs_evaluator)
    assert client.get(reverse("surveys:open")).status_code == 200
    sent = client.post(reverse("surveys:open"), open_form(world, questionnaire[0], margin="0.3"))
    assert sent.status_code == 302
    assert sent["Location"] == reverse("surveys:detail", args=["KS-2025-T3"])
    stratum = Stratum.objects.get(campaign__code="KS-2025-T3")
    assert (stratum.population, stratum.target, stratum.tokens.count()) == (6, 4, 4)


def test_a_bad_period_or_margin_is_shown_on_the_open_page_and_nothing_opened(
    client, world, questionnaire, home_affairs_evaluator
):
    client.force_login(home_affairs_evaluator)
    page = client.post(
        reverse("surveys:open"),
        open_form(world, questionnaire[0], period_end="28/02/2025", margin="1.5"),
    )
    assert page.status_code == 422
    assert str(msg.MSG_MARGIN) in page.content.decode()
    page = client.post(
        reverse("surveys:open"), open_form(world, questionnaire[0], period_end="28/02/2025")
    )
    assert page.status_code == 422
    assert str(msg.MSG_PERIOD) in page.content.decode()
    assert not Stratum.objects.exists()
    from cchc.surveys.models import Campaign

    assert not Campaign.objects.exists()
