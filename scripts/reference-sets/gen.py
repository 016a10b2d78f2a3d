#!/usr/bin/env python3
"""Writes the two reference sets, data/frameworks/laocai-2022.json and laocai-2023.json.

The sub-indicators are not published, so they are written once, as compact tables (lib.py),
and expanded here: the published structure (groups, counts, maxima, district points) is in
COUNTS / AG_POINTS / DT_MAINS below, each group and year takes the first N sub-indicators of
each main indicator's list, points are shared out in multiples of 5 where they divide, and
every indicator gets its provenance. The JSON is the data the engine validates; rerun this
after editing the tables:  python3 scripts/reference-sets/gen.py  (then cargo test -p dti-engine)
"""
import json
import os
import sys
from decimal import Decimal, ROUND_HALF_UP

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import lib  # noqa: E402

OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'data', 'frameworks')

AITA = 'aita.gov.vn, tin về QĐ 2644/QĐ-UBND ngày 07/11/2022'
AITA_EN = 'aita.gov.vn, on Decision 2644/QĐ-UBND of 07/11/2022'
SVH = 'svhttdl.laocai.gov.vn, tin về QĐ 3019/QĐ-UBND ngày 28/11/2023'
SVH_EN = 'svhttdl.laocai.gov.vn, on Decision 3019/QĐ-UBND of 28/11/2023'

BASIS = {
    lib.N922: ('Mô phỏng theo QĐ 922/QĐ-BTTTT và bộ chỉ số của các tỉnh khác', "Modelled on Decision 922/QĐ-BTTTT and other provinces' sets"),
    lib.DIST: ('Mô phỏng theo bộ chỉ số cấp huyện của các tỉnh khác', "Modelled on other provinces' district sets"),
}

SCOPES = {
    'huyen': dict(d='huyện', u='UBND huyện', de='district', ue="district People's Committee"),
    'xa': dict(d='xã', u='UBND xã', de='commune', ue="commune People's Committee"),
    'ag': dict(),
}

AG_MAINS = {
    1: ('Nhận thức số', 'Digital awareness'),
    2: ('Thể chế số', 'Digital institutions'),
    3: ('Hạ tầng số', 'Digital infrastructure'),
    4: ('Nhân lực số', 'Digital workforce'),
    5: ('An toàn thông tin mạng', 'Cyber security'),
    6: ('Hoạt động chuyển đổi số', 'Digital transformation activities'),
}
DT_MAINS = {
    1: ('Nhận thức số', 'Digital awareness', 100),
    2: ('Thể chế số', 'Digital institutions', 100),
    3: ('Hạ tầng số', 'Digital infrastructure', 100),
    4: ('Nhân lực số', 'Digital workforce', 100),
    5: ('An toàn thông tin mạng', 'Cyber security', 100),
    6: ('Chính quyền số', 'Digital government', 200),
    7: ('Kinh tế số', 'Digital economy', 150),
    8: ('Xã hội số', 'Digital society', 150),
}


def dec(x):
    d = Decimal(str(x)).normalize()
    s = format(d, 'f')
    return s


def vn(x):
    return dec(x).replace('.', ',')


def half(x):
    return (Decimal(str(x)) * 2).quantize(Decimal(1), rounding=ROUND_HALF_UP) / 2


def fmt(text, scope):
    return text.format(**SCOPES[scope]) if '{' in text else text


def allocate(items, total):
    """Integer points per leaf adding up to total; a typed-points leaf keeps its floor (20)."""
    n = len(items)
    fixed = {}
    share = Decimal(total) / n
    for i, it in enumerate(items):
        if it.get('fix'):
            fixed[i] = it['fix']
        elif it['m'][0] == 'points' and it.get('pts') and Decimal(it['pts']) >= share:
            fixed[i] = it['pts']
    rest = total - sum(fixed.values())
    free = [i for i in range(n) if i not in fixed]
    unit = 5 if rest % 5 == 0 and rest // 5 >= len(free) else 1
    q, r = divmod(rest // unit, len(free))
    pts = dict(fixed)
    for k, i in enumerate(free):
        pts[i] = unit * (q + (1 if k < r else 0))
    return [pts[i] for i in range(n)]


def split(total, weights):
    w = sum(weights)
    base = [total * x // w for x in weights]
    for i in range(total - sum(base)):
        base[i] += 1
    return base


def leaf(it, code, pts, scope):
    vi, en = fmt(it['vi'], scope), fmt(it['en'], scope)
    kind = it['m'][0]
    P = vn(pts)
    out = dict(code=code, name_vi=vi, name_en=en, max_points=dec(pts))
    if kind == 'yes_no':
        _, cv, ce = it['m']
        out['method'] = {'type': 'yes_no'}
        rv, re = f'{fmt(cv, scope)}: {P} điểm; không: 0 điểm.', f'{fmt(ce, scope)}: {dec(pts)} points; otherwise 0.'
    elif kind == 'points':
        _, cv, ce = it['m']
        out['method'] = {'type': 'points'}
        rv = f'Hội đồng thẩm định chấm từ 0 đến {P} điểm: {fmt(cv, scope)}.'
        re = f'The council scores 0 to {dec(pts)} points: {fmt(ce, scope)}.'
    elif kind == 'options':
        opts = []
        for oid, lv, le, frac in it['m'][1]:
            p = Decimal(pts) if frac == 1 else half(Decimal(pts) * Decimal(str(frac)))
            opts.append(dict(id=oid, label_vi=fmt(lv, scope), label_en=fmt(le, scope), points=dec(p)))
        out['method'] = {'type': 'options', 'options': opts}
        rv = '; '.join(f"{o['label_vi']}: {vn(o['points'])} điểm" for o in opts) + '.'
        re = '; '.join(f"{o['label_en']}: {o['points']} points" for o in opts) + '.'
    elif kind == 'parts':
        parts = it['m'][1]
        ps = split(pts, [p[3] for p in parts])
        pl = [dict(id=pid, label_vi=fmt(lv, scope), label_en=fmt(le, scope), points=dec(p)) for (pid, lv, le, _), p in zip(parts, ps)]
        out['method'] = {'type': 'parts', 'parts': pl}
        rv = 'Cộng điểm từng điều kiện đạt: ' + '; '.join(f"{p['label_vi']}: {vn(p['points'])} điểm" for p in pl) + '.'
        re = 'Each condition met adds its points: ' + '; '.join(f"{p['label_en']}: {p['points']}" for p in pl) + '.'
    elif kind == 'ratio':
        (nv, ne, dv, de), zero = it['m'][1], it['m'][2]
        nv, ne, dv, de = (fmt(x, scope) for x in (nv, ne, dv, de))
        out['method'] = dict(type='ratio', numerator_vi=nv, numerator_en=ne, denominator_vi=dv, denominator_en=de, zero_denominator=zero)
        zp = P if zero == 'full' else '0'
        rv = f'a = {nv}; b = {dv}; điểm = a / b × {P}, tối đa {P} điểm. Nếu b = 0: {zp} điểm.'
        re = f'a = {ne}; b = {de}; points = a / b × {dec(pts)}, at most {dec(pts)}. If b = 0: {zp.replace(",", ".")} points.'
    elif kind == 'tiers':
        (uv, ue), tiers = it['m'][1], it['m'][2]
        tl = []
        for mn, frac in tiers:
            p = Decimal(pts) if frac == 1 else half(Decimal(pts) * Decimal(str(frac)))
            tl.append(dict(min=dec(mn), points=dec(p)))
        out['method'] = dict(type='tiers', unit_vi=uv, unit_en=ue, tiers=tl)
        sp = ' '
        rv = '; '.join(f"từ {vn(t['min'])}{sp}{uv} trở lên: {vn(t['points'])} điểm" for t in reversed(tl))
        rv = rv[0].upper() + rv[1:] + f"; dưới {vn(tl[0]['min'])}{sp}{uv}: 0 điểm."
        re = '; '.join(f"≥ {t['min']} {ue}: {t['points']} points" for t in reversed(tl)) + f"; below {tl[0]['min']}: 0."
    else:
        raise ValueError(kind)
    out['rule_vi'], out['rule_en'] = rv, re
    out['evidence_vi'], out['evidence_en'] = fmt(it['ev'][0], scope), fmt(it['ev'][1], scope)
    bv, be = BASIS[it['b']]
    out['provenance'] = dict(kind='inferred', basis_vi=bv, basis_en=be)
    return out


def main_ind(code, vi, en, total, groups, items, scope, prov):
    # items: a list, or [(items, points), …] for parts allocated separately (services vs the rest)
    segs = items if isinstance(items[0], tuple) else [(items, total)]
    items = [it for seg, _ in segs for it in seg]
    pts = [p for seg, t in segs for p in allocate(seg, t)]
    children = [leaf(it, f'{code}.{j + 1}', p, scope) for j, (it, p) in enumerate(zip(items, pts))]
    assert sum(Decimal(c['max_points']) for c in children) == total, (code, groups)
    return dict(code=str(code), name_vi=vi, name_en=en, max_points=dec(total), groups=groups,
                provenance=dict(kind=prov[0], basis_vi=prov[1], basis_en=prov[2]), children=children)


def pick(lst, n, scope):
    tag = {'huyen': 'x', 'xa': 'h'}.get(scope)
    avail = [x for x in lst if x['s'] != tag]
    assert len(avail) >= n, (scope, n, len(avail))
    return avail[:n]


def info_block(groups, scope, prov):
    kids = []
    for j, (vi, en) in enumerate(lib.INFO):
        kids.append(dict(code=f'0.{j + 1}', name_vi=vi, name_en=en, max_points='0', method={'type': 'info'},
                         rule_vi='Chỉ ghi nhận, không tính điểm.', rule_en='Recorded only, not scored.',
                         provenance=dict(kind='inferred', basis_vi=BASIS[lib.DIST][0], basis_en=BASIS[lib.DIST][1])))
    return dict(code='0', name_vi='Thông tin chung', name_en='General information', max_points='0', groups=groups,
                provenance=dict(kind='inferred', basis_vi=prov[0], basis_en=prov[1]), children=kids)


# counts per year: agencies (per main 1-5, cqs, dvc), districts and communes per main 1-8
COUNTS = {
    2022: dict(co=[5, 4, 5, 4, 5], co_cqs=5, co_dvc=7, cqh=[4, 4, 4, 4, 4], cqh_cqs=5, cqh_dvc=5,
               huyen=[7, 6, 8, 7, 7, 12, 9, 9], xa=[6, 5, 7, 6, 6, 14, 9, 9]),
    2023: dict(co=[6, 6, 7, 6, 12], co_cqs=6, co_dvc=12, cqh=[6, 6, 6, 6, 9], cqh_cqs=6, cqh_dvc=8,
               huyen=[10, 10, 13, 11, 13, 22, 15, 15], xa=[8, 7, 10, 8, 9, 19, 12, 12]),
}
# agencies' main points: 1-5, cqs, dvc (inferred)
AG_POINTS = {2022: ([100, 100, 100, 100, 100], 250, 250), 2023: ([100, 100, 100, 100, 150], 250, 200)}


def build(year):
    c = COUNTS[year]
    src, src_en = (AITA, AITA_EN) if year == 2022 else (SVH, SVH_EN)
    dec_no = 'QĐ 2644/QĐ-UBND' if year == 2022 else 'QĐ 3019/QĐ-UBND'
    p15, p_cqs, p_dvc = AG_POINTS[year]
    inds = []
    # provincial agencies: mains 1-5 shared by both groups
    for i in range(1, 6):
        vi, en = AG_MAINS[i]
        extra_vi = extra_en = ''
        if year == 2023 and i == 5:
            extra_vi, extra_en = '; thêm 7 chỉ số thành phần so với 2022 (công bố)', '; 7 more sub-indicators than in 2022 (published)'
        prov = ('inferred',
                f'Tên chỉ số chính công bố ({src}){extra_vi}; điểm không công bố, suy luận theo DTI cấp tỉnh (QĐ 922/QĐ-BTTTT)',
                f'Name published ({src_en}){extra_en}; points not published, inferred from the provincial DTI (Decision 922/QĐ-BTTTT)')
        inds.append(main_ind(i, vi, en, p15[i - 1], ['co_tthc', 'khong_tthc'], pick(lib.AG[i], c['co'][i - 1], 'ag'), 'ag', prov))
    vi, en = AG_MAINS[6]
    lacks = 1000 - sum(p15) - p_cqs
    prov = ('inferred',
            f'Tên chỉ số chính công bố ({src}); {p_dvc} điểm dịch vụ công trực tuyến, thủ tục hành chính = phần nhóm không có TTHC thiếu '
            f'(1.000 − {1000 - p_dvc}, công bố); chia điểm và chỉ số thành phần: suy luận'
            + ('; 12 chỉ số thành phần về dịch vụ công trực tuyến được điều chỉnh, bổ sung (công bố)' if year == 2023 else ''),
            f'Name published ({src_en}); {p_dvc} points for online public services = what the no-procedure group lacks '
            f'(1,000 − {1000 - p_dvc}, published); split and sub-indicators inferred')
    assert lacks == p_dvc
    inds.append(main_ind(6, vi, en, p_cqs + p_dvc, ['co_tthc'],
                         [(pick(lib.AG['cqs'], c['co_cqs'], 'ag'), p_cqs), (pick(lib.AG['dvc'], c['co_dvc'], 'ag'), p_dvc)], 'ag', prov))
    prov = ('inferred',
            f'Tên chỉ số chính công bố ({src}); nhóm không có TTHC không có phần dịch vụ công trực tuyến, tối đa {1000 - p_dvc} (công bố); '
            'chỉ số thành phần: suy luận',
            f'Name published ({src_en}); the no-procedure group has no online-service part, maximum {1000 - p_dvc} (published); '
            'sub-indicators inferred')
    inds.append(main_ind(6, vi, en, p_cqs, ['khong_tthc'], pick(lib.AG['cqs'], c['co_cqs'], 'ag'), 'ag', prov))
    # districts
    n_h = sum(c['huyen'])
    inds.append(info_block(['huyen'], 'huyen', BASIS[lib.DIST]))
    for i in range(1, 9):
        vi, en, pts = DT_MAINS[i]
        if year == 2022:
            prov = ('published', f'Tên và điểm chỉ số chính công bố: {src}', f'Name and points published: {src_en}')
        else:
            prov = ('inferred',
                    f'{dec_no} giữ 8 chỉ số chính, {n_h} chỉ số thành phần, 1.000 điểm ({src}); tên và điểm giữ như QĐ 2644/QĐ-UBND (công bố, {AITA})',
                    f'Decision 3019 keeps 8 main indicators, {n_h} sub-indicators, 1,000 points ({src_en}); name and points kept from Decision 2644 (published, {AITA_EN})')
        inds.append(main_ind(i, vi, en, pts, ['huyen'], pick(lib.DT[i], c['huyen'][i - 1], 'huyen'), 'huyen', prov))
    # district-level agencies
    n_q = sum(c['cqh']) + c['cqh_cqs'] + c['cqh_dvc']
    n_q22 = 30
    for i in range(1, 7):
        vi, en = AG_MAINS[i]
        prov = ('inferred',
                f'Nhóm có 6 chỉ số chính, {n_q} chỉ số thành phần, 1.000 điểm (công bố, {SVH}); tên và điểm mô phỏng theo nhóm cơ quan cấp tỉnh',
                f'The group has 6 main indicators, {n_q} sub-indicators, 1,000 points (published, {SVH_EN}); name and points modelled on the provincial agencies')
        items = pick(lib.AG[i], c['cqh'][i - 1], 'ag') if i < 6 else [(pick(lib.AG['cqs'], c['cqh_cqs'], 'ag'), p_cqs), (pick(lib.AG['dvc'], c['cqh_dvc'], 'ag'), p_dvc)]
        pts = p15[i - 1] if i < 6 else p_cqs + p_dvc
        inds.append(main_ind(i, vi, en, pts, ['co_quan_huyen'], items, 'ag', prov))
    # communes
    n_x = sum(c['xa'])
    inds.append(info_block(['xa'], 'xa', BASIS[lib.DIST]))
    for i in range(1, 9):
        vi, en, pts = DT_MAINS[i]
        prov = ('inferred',
                f'Nhóm có 8 chỉ số chính, {n_x} chỉ số thành phần, 1.000 điểm (công bố, {SVH}); tên và điểm mô phỏng theo nhóm huyện (QĐ 2644/QĐ-UBND, công bố)',
                f'The group has 8 main indicators, {n_x} sub-indicators, 1,000 points (published, {SVH_EN}); name and points modelled on the districts (Decision 2644, published)')
        inds.append(main_ind(i, vi, en, pts, ['xa'], pick(lib.DT[i], c['xa'][i - 1], 'xa'), 'xa', prov))
    return inds


GROUPS = lambda khong: [
    dict(id='co_tthc', name_vi='Nhóm các cơ quan, đơn vị có thủ tục hành chính', name_en='Agencies with administrative procedures', max_points='1000'),
    dict(id='khong_tthc', name_vi='Nhóm các cơ quan, đơn vị không có thủ tục hành chính', name_en='Agencies without administrative procedures', max_points=khong),
    dict(id='huyen', name_vi='Nhóm các huyện, thị xã, thành phố', name_en='Districts, town and city', max_points='1000'),
    dict(id='co_quan_huyen', name_vi='Nhóm các cơ quan chuyên môn, đơn vị cấp huyện', name_en='District-level agencies and units', max_points='1000'),
    dict(id='xa', name_vi='Nhóm các xã, phường, thị trấn', name_en='Communes, wards and townships', max_points='1000'),
]
LEVELS = [
    {"id": "dan_dat", "name_vi": "Dẫn dắt", "name_en": "Leading", "above_percent": "75"},
    {"id": "nang_cao", "name_vi": "Nâng cao", "name_en": "Advanced", "above_percent": "50"},
    {"id": "hinh_thanh", "name_vi": "Hình thành", "name_en": "Forming", "above_percent": "25"},
    {"id": "khoi_dong", "name_vi": "Khởi động", "name_en": "Starting"},
]

SEED_REF = dict(origin='seed', citation='Quyết định số 791/QĐ-UBND ngày 11/4/2023 của UBND tỉnh Lào Cai phê duyệt kết quả xếp hạng mức độ chuyển đổi số năm 2022 (số hiệu theo sldtbxh.laocai.gov.vn; để trống trong bản sao)')
REF_AITA = dict(origin='external', citation='aita.gov.vn: “Lào Cai: Quyết định ban hành Bộ chỉ số đánh giá, xếp hạng mức độ chuyển đổi số của các địa phương, các cơ quan đảng, …” (Quyết định số 2644/QĐ-UBND ngày 07/11/2022)',
                covers='Cấu trúc Bộ chỉ số 2022: các cơ quan có 6 chỉ số chính (Nhận thức số, Thể chế số, Hạ tầng số, Nhân lực số, An toàn thông tin mạng; Hoạt động chuyển đổi số), 35 chỉ số thành phần, 1.000 điểm; các huyện có 8 chỉ số chính, 65 chỉ số thành phần, 1.000 điểm: Nhận thức số 100, Thể chế số 100, Hạ tầng số 100, Nhân lực số 100, An toàn thông tin mạng 100, Chính quyền số 200, Kinh tế số 150, Xã hội số 150')
REF_SVH = dict(origin='external', citation='svhttdl.laocai.gov.vn: “Ban hành bộ chỉ số đánh giá chuyển đổi số tỉnh Lào Cai năm 2023” (Quyết định số 3019/QĐ-UBND ngày 28/11/2023, thay QĐ 2644/QĐ-UBND)',
               covers='Năm nhóm và số chỉ số thành phần trước → sau: cơ quan có TTHC 6 chỉ số chính, 35 → 55, 1.000 điểm (thêm 7 về an toàn thông tin, 12 về dịch vụ công trực tuyến được điều chỉnh, bổ sung); không có TTHC 6, 28 → 43, 800 điểm; huyện 8, 65 → 109, 1.000; cơ quan chuyên môn, đơn vị cấp huyện 6, 30 → 47, 1.000; xã, phường, thị trấn 8, 62 → 85, 1.000')
REF_922 = dict(origin='external', citation='Quyết định số 922/QĐ-BTTTT ngày 20/5/2022 của Bộ Thông tin và Truyền thông phê duyệt Đề án Xác định Bộ chỉ số đánh giá chuyển đổi số (DTI) (qua eballsviet.com, thuviennhadat.vn)',
               covers='Mẫu cho các chỉ số thành phần suy luận (nội dung, cách tính) và cho điểm chỉ số chính của các nhóm cơ quan')
REF_DIST = dict(origin='external', citation='Bộ chỉ số chuyển đổi số cấp huyện công khai của các tỉnh khác (bản tin thuvienphapluat.vn; cds.tpcaolanh.dongthap.gov.vn)',
                covers='Mẫu cho các chỉ số thành phần suy luận của nhóm huyện và nhóm xã; cách tính điểm (có/không, lựa chọn, điều kiện thành phần, tỷ lệ, bậc, thông tin) và cột tài liệu kiểm chứng')
REF_684 = dict(origin='external', citation='doingoailaocai.vn, bài viết 19124: “Lào Cai: Phê duyệt kết quả xếp hạng mức độ chuyển đổi số … năm 2023” (Quyết định số 684/QĐ-UBND ngày 03/4/2024 của UBND tỉnh Lào Cai)',
               covers='Điểm tối đa năm 2023 (nhóm không có TTHC 800); bốn mức xếp hạng giữ ngưỡng 75 % / 50 % / 25 %')

NOTE_VI = ('BỘ THAM KHẢO — không phải phụ lục chính thức. Phụ lục của {dec} chưa được công bố toàn văn. '
           'Đã công bố và dùng đúng như công bố: năm nhóm; số chỉ số chính, số chỉ số thành phần và điểm tối đa của từng nhóm '
           '(cơ quan có TTHC {a}; không có TTHC {b}; huyện {c}; cơ quan chuyên môn, đơn vị cấp huyện {d}; xã, phường, thị trấn {e}); '
           '{dist_vi}tên 6 chỉ số chính của các cơ quan; quy tắc xếp mức (trên 75 % Dẫn dắt, trên 50 % Nâng cao, trên 25 % Hình thành, còn lại Khởi động). '
           'Suy luận (mô phỏng theo QĐ 922/QĐ-BTTTT và bộ chỉ số công khai của các tỉnh khác): tên, điểm, cách tính và tài liệu kiểm chứng của từng chỉ số thành phần; '
           'điểm chỉ số chính của các nhóm cơ quan{x_vi}. Mỗi chỉ số ghi nguồn gốc (công bố hay suy luận). '
           'Điểm tính theo bộ này chỉ để tự kiểm tra, không thay điểm thẩm định. Khi nạp phụ lục chính thức, bộ đó thay thế các chỉ số này.')
NOTE_EN = ('REFERENCE SET — not the official annex. The annex of {dec_en} has not been published in full. '
           'Published and used as published: the five groups; the number of main indicators, of sub-indicators and the maximum of each group '
           '(agencies with procedures {a}; without procedures {b}; districts {c}; district-level agencies {d}; communes {e}); '
           '{dist_en}the names of the agencies\' 6 main indicators; the level rule (above 75 % Leading, above 50 % Advanced, above 25 % Forming, otherwise Starting). '
           'Inferred (modelled on Decision 922/QĐ-BTTTT and public sets of other provinces): the name, points, rule and evidence of every sub-indicator; '
           'the main-indicator points of the agency groups{x_en}. Each indicator records its provenance (published or inferred). '
           'Scores computed with this set are for self-checking only and do not replace the appraised score. When the official annex is loaded, it replaces these indicators.')


def framework(year):
    if year == 2022:
        meta = dict(dec='Quyết định số 2644/QĐ-UBND ngày 07/11/2022 của UBND tỉnh Lào Cai', dec_en='Decision 2644/QĐ-UBND of 07/11/2022 of the Lào Cai People\'s Committee',
                    a='6/35/1.000', b='6/28/750', c='8/65/1.000', d='6/30/1.000', e='8/62/1.000',
                    dist_vi='tên và điểm 8 chỉ số chính của nhóm huyện (100 × 5, Chính quyền số 200, Kinh tế số 150, Xã hội số 150); ',
                    dist_en='the names and points of the districts\' 8 main indicators (100 × 5, Digital government 200, Digital economy 150, Digital society 150); ',
                    x_vi=' và nhóm xã', x_en=' and the communes')
        refs = [dict(SEED_REF, covers='Ba nhóm được xếp hạng và điểm tối đa (1.000 / 750 / 1.000); bốn mức xếp hạng và ngưỡng 75 % / 50 % / 25 %; số hiệu, ngày của Bộ chỉ số (QĐ 2644/QĐ-UBND ngày 07/11/2022)'),
                REF_AITA, REF_SVH, REF_922, REF_DIST]
        khong = '750'
    else:
        meta = dict(dec='Quyết định số 3019/QĐ-UBND ngày 28/11/2023 của UBND tỉnh Lào Cai', dec_en='Decision 3019/QĐ-UBND of 28/11/2023 of the Lào Cai People\'s Committee',
                    a='6/55/1.000', b='6/43/800', c='8/109/1.000', d='6/47/1.000', e='8/85/1.000',
                    dist_vi='', dist_en='',
                    x_vi=', nhóm xã và nhóm huyện (giữ như năm 2022, vì điểm chỉ số chính năm 2023 chưa được công bố)',
                    x_en=', the communes and the districts (kept from 2022, since the 2023 main-indicator points are not published)')
        refs = [dict(SEED_REF, covers='Bốn mức xếp hạng và ngưỡng 75 % / 50 % / 25 % (năm 2022, giữ cho năm 2023)'),
                REF_684, REF_SVH, REF_AITA, REF_922, REF_DIST]
        khong = '800'
    return dict(
        id=f'laocai-{year}', province='Lào Cai', year=year,
        title_vi=f'Bộ chỉ số đánh giá, xếp hạng mức độ chuyển đổi số năm {year} (bộ tham khảo)',
        title_en=f'Digital transformation (DTI) assessment and ranking indicator set {year} (reference set)',
        status='reference', status_note_vi=NOTE_VI.format(**meta), status_note_en=NOTE_EN.format(**{k: v.replace('1.000', '1,000') for k, v in meta.items()}),
        references=refs, groups=GROUPS(khong), levels=LEVELS, indicators=build(year))


def dump(fw):
    j = lambda x: json.dumps(x, ensure_ascii=False)
    lines = ['{']
    for k, v in fw.items():
        if k in ('references', 'groups', 'levels'):
            lines.append(f' "{k}": [')
            lines.append(',\n'.join('  ' + j(x) for x in v))
            lines.append(' ],')
        elif k == 'indicators':
            lines.append(' "indicators": [')
            mains = []
            for m in v:
                head = {kk: vv for kk, vv in m.items() if kk != 'children'}
                s = '  ' + j(head)[:-1] + ', "children": [\n'
                s += ',\n'.join('   ' + j(c) for c in m['children'])
                s += '\n  ]}'
                mains.append(s)
            lines.append(',\n'.join(mains))
            lines.append(' ]')
        else:
            lines.append(f' "{k}": {j(v)},')
    lines.append('}')
    return '\n'.join(lines) + '\n'


for y in (2022, 2023):
    with open(f'{OUT}/laocai-{y}.json', 'w', encoding='utf-8') as f:
        f.write(dump(framework(y)))
