"""新建申报批次: a form for everything a campaign file holds, checked as the user types, saved as a file.

The form edits a copy of the campaign it started from as plain data (services/campaign_files); each
change rebuilds the data from the widgets, checks it with the schema and the consistency checks, marks
each problem at its field (red, with the Chinese message as its tooltip) and lists what differs from
the starting campaign. Keys the form does not show (the rubric) are kept as they were.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt, QTime, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QHeaderView,
    QListWidgetItem,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from gdiiot_desktop import paths
from gdiiot_desktop.domain.campaign import Problem
from gdiiot_desktop.domain.enums import AttachmentClass, Authority, Grade
from gdiiot_desktop.gui import screen_fit
from gdiiot_desktop.gui.errors import describe
from gdiiot_desktop.gui.forms.ui_campaign_editor import Ui_CampaignEditor
from gdiiot_desktop.gui.styles import ERROR_STYLE, ERROR_TEXT_STYLE, OK_TEXT_STYLE
from gdiiot_desktop.services import campaign_files
from gdiiot_desktop.services.campaign_labels import described, split_location

CAMPAIGN_FILTER = "活动文件 (*.toml);;所有文件 (*)"
XLSX_FILTER = "Excel 工作簿 (*.xlsx)"
_BAD_CELL = QColor("#fdecea")
_SEP = "、"
_KEY = Qt.ItemDataRole.UserRole

# Columns of each table, by the field of the campaign file they hold.
REGION_COLUMNS = {"name": 0, "quota": 1}
CITY_COLUMNS = {"name": 0, "division": 1, "region": 2, "direct_quota": 3}
MATERIAL_COLUMNS = {"id": 0, "name": 1, "class": 2, "required": 3, "missing_grade": 4, "min_count": 5, "distinct_years": 6}
RULE_COLUMNS = {"title": 0, "grade": 1, "overridable": 2, "clause": 3}
CATEGORY_COLUMNS = {"id": 0, "name": 1}
DIRECTION_COLUMNS = {"no": 0, "id": 1, "category": 2, "name": 3, "authorities": 4}


class CampaignEditor(QDialog):
    """The campaign form. `saved_path` is the file last saved (None until then)."""

    def __init__(self, source: dict[str, Any], source_label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui = Ui_CampaignEditor()
        ui.setupUi(self)  # type: ignore[no-untyped-call]
        self.source = copy.deepcopy(source)
        self.source_label = source_label
        self.saved_path: Path | None = None
        self.problems: list[Problem] = []
        self._clause_texts: dict[str, str] = {}
        self._loading = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(120)  # typing a word re-checks once
        self._timer.timeout.connect(self.revalidate)
        screen_fit.scrollable_tabs(ui.formTabs)  # a 768-pixel screen scrolls the tabs; the buttons stay
        ui.introLabel.setText(
            f"以“{source_label}”为基础。按新一年的通知修改各项，检查无误后保存为活动文件；"
            "新建数据库时选用该文件，也可把它发给县区和其他地市使用。"
        )
        for authority in Authority:
            ui.submitAuthorityCombo.addItem(authority.value, authority.value)
        for table in self._tables():
            table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            table.horizontalHeader().setStretchLastSection(True)
        for table, column in ((ui.citiesTable, 0), (ui.materialsTable, 1), (ui.rulesTable, 0), (ui.directionsTable, 3)):
            table.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
            table.horizontalHeader().setStretchLastSection(False)
        # Ids are what applications and files refer to, not what a user reads: kept, not shown.
        ui.materialsTable.setColumnHidden(MATERIAL_COLUMNS["id"], True)
        ui.categoriesTable.setColumnHidden(CATEGORY_COLUMNS["id"], True)
        ui.directionsTable.setColumnHidden(DIRECTION_COLUMNS["id"], True)
        self.load(self.source)
        self._connect()
        self.revalidate()

    # --- filling the form -------------------------------------------------------------------

    def _tables(self) -> list[QTableWidget]:
        ui = self.ui
        return [ui.regionsTable, ui.citiesTable, ui.materialsTable, ui.rulesTable, ui.categoriesTable, ui.directionsTable]

    def load(self, data: dict[str, Any]) -> None:
        """Put campaign data into the widgets."""
        ui = self.ui
        self._loading = True
        try:
            notice, deadline = data.get("notice", {}), data.get("deadline", {})
            ui.titleEdit.setText(str(data.get("title", "")))
            ui.idEdit.setText(str(data.get("id", "")))
            ui.yearSpin.setValue(int(data.get("year", 2023)))
            ui.submitAuthorityCombo.setCurrentIndex(max(0, ui.submitAuthorityCombo.findData(data.get("submit_authority"))))
            ui.provinceNumberEdit.setText(str(notice.get("province_number", "")))
            _set_date(ui.provinceDateEdit, notice.get("province_date"))
            ui.ministryNumberEdit.setText(str(notice.get("ministry_number", "")))
            _set_date(ui.ministryDateEdit, notice.get("ministry_date"))
            _set_date(ui.deadlineDateEdit, deadline.get("date"))
            ui.deadlineTimeEdit.setTime(QTime.fromString(str(deadline.get("time", "17:30")), "HH:mm"))
            ui.deadlineTextEdit.setText(str(deadline.get("text", "")))
            ui.deadlineClauseEdit.setText(str(deadline.get("clause", "")))
            applicant, video, copies = data.get("applicant", {}), data.get("video", {}), data.get("copies", {})
            ui.maxProjectsSpin.setValue(int(applicant.get("max_projects", 1)))
            ui.directionsPerCategorySpin.setValue(int(applicant.get("directions_per_category", 1)))
            ui.registeredProvinceEdit.setText(str(applicant.get("registered_province", "")))
            ui.eligibleTypesEdit.setText(_SEP.join(applicant.get("eligible_types", [])))
            ui.videoMinSpin.setValue(int(video.get("min_seconds", 0)))
            ui.videoMaxSpin.setValue(int(video.get("max_seconds", 0)))
            ui.videoToleranceSpin.setValue(float(video.get("tolerance_seconds", 0.5)))
            ui.videoFormatsEdit.setText(_SEP.join(video.get("formats", [])))
            ui.periodSpin.setValue(int(data.get("demonstration", {}).get("period_years", 0)))
            ui.summaryCopiesSpin.setValue(int(copies.get("summary_table", 0)))
            ui.paperCopiesSpin.setValue(int(copies.get("paper_package", 0)))
            ui.discCopiesSpin.setValue(int(copies.get("disc", 0)))
            self._load_regions(data.get("regions", []))
            self._load_categories(data.get("categories", []))
            self._load_cities(data.get("cities", []))
            self._load_materials(data.get("materials", []))
            self._load_rules(data.get("rules", {}))
            directions = data.get("directions", {})
            per = directions.get("expected_per_authority", {})
            ui.expectedTotalSpin.setValue(int(directions.get("expected_total", 0)))
            ui.expectedMiitSpin.setValue(int(per.get(Authority.MIIT_PROVINCE.value, 0)))
            ui.expectedCaSpin.setValue(int(per.get(Authority.COMMUNICATIONS_ADMINISTRATION.value, 0)))
            ui.directionsNoteEdit.setText(str(directions.get("note", "")))
            ui.directionsConfirmedCheck.setChecked(bool(directions.get("confirmed", False)))
            self._load_directions(directions.get("list", []))
        finally:
            self._loading = False

    def _load_regions(self, regions: list[dict[str, Any]]) -> None:
        table = self.ui.regionsTable
        table.setRowCount(0)
        for region in regions:
            row = _append_row(table)
            table.setItem(row, 0, _text_item(region.get("name", ""), key=region.get("id")))
            table.setItem(row, 1, _text_item(region.get("quota", "")))

    def _load_categories(self, categories: list[dict[str, Any]]) -> None:
        table = self.ui.categoriesTable
        table.setRowCount(0)
        for category in categories:
            row = _append_row(table)
            table.setItem(row, 0, _text_item(category.get("id", "")))
            table.setItem(row, 1, _text_item(category.get("name", "")))

    def _load_cities(self, cities: list[dict[str, Any]]) -> None:
        table = self.ui.citiesTable
        table.setRowCount(0)
        for city in cities:
            self._add_city_row(city)

    def _add_city_row(self, city: dict[str, Any]) -> None:
        table = self.ui.citiesTable
        row = _append_row(table)
        table.setItem(row, 0, _text_item(city.get("name", "")))
        table.setItem(row, 1, _text_item(city.get("division", "")))
        table.setCellWidget(row, 2, self._combo(self._region_options(), city.get("region")))
        direct = city.get("direct_quota")
        table.setItem(row, 3, _text_item("" if direct is None else direct))

    def _region_options(self) -> list[tuple[str, str]]:
        table = self.ui.regionsTable
        return [
            (table.item(r, 0).text(), str(table.item(r, 0).data(_KEY)))
            for r in range(table.rowCount())
            if table.item(r, 0) is not None
        ]

    def _load_materials(self, materials: list[dict[str, Any]]) -> None:
        table = self.ui.materialsTable
        table.setRowCount(0)
        for material in materials:
            self._add_material_row(material)

    def _add_material_row(self, material: dict[str, Any]) -> None:
        table = self.ui.materialsTable
        row = _append_row(table)
        classes = [(c.label, c.value) for c in AttachmentClass]
        table.setItem(row, 0, _text_item(material.get("id", "")))
        table.setItem(row, 1, _text_item(material.get("name", "")))
        table.setCellWidget(row, 2, self._combo(classes, material.get("class", AttachmentClass.OTHER.value)))
        table.setItem(row, 3, _check_item(bool(material.get("required", False))))
        table.setCellWidget(row, 4, self._combo(_grades(), material.get("missing_grade", Grade.ERROR.value)))
        table.setItem(row, 5, _text_item(material.get("min_count", 1)))
        table.setItem(row, 6, _check_item(bool(material.get("distinct_years", False))))

    def _load_rules(self, rules: dict[str, dict[str, Any]]) -> None:
        table = self.ui.rulesTable
        table.setRowCount(0)
        self._clause_texts = {}
        for rule_id, rule in rules.items():
            row = _append_row(table)
            item = _text_item(rule.get("title", ""), key=rule_id)
            item.setToolTip(f"规则编号：{rule_id}")
            table.setItem(row, 0, item)
            table.setCellWidget(row, 1, self._combo(_grades(), rule.get("grade", Grade.ERROR.value)))
            table.setItem(row, 2, _check_item(bool(rule.get("overridable", False))))
            table.setItem(row, 3, _text_item(rule.get("clause", "")))
            self._clause_texts[rule_id] = str(rule.get("clause_text", ""))
        if table.rowCount():
            table.selectRow(0)
            self._rule_selected()

    def _load_directions(self, directions: list[dict[str, Any]]) -> None:
        table = self.ui.directionsTable
        table.setRowCount(0)
        for direction in directions:
            self._add_direction_row(direction)

    def _add_direction_row(self, direction: dict[str, Any]) -> None:
        table = self.ui.directionsTable
        row = _append_row(table)
        table.setItem(row, 0, _text_item(direction.get("no", row + 1)))
        table.setItem(row, 1, _text_item(direction.get("id", "")))
        table.setCellWidget(row, 2, self._combo(self._category_options(), direction.get("category")))
        table.setItem(row, 3, _text_item(direction.get("name", "")))
        table.setItem(row, 4, _text_item(_SEP.join(direction.get("authorities", []))))

    def _category_options(self) -> list[tuple[str, str]]:
        table = self.ui.categoriesTable
        return [
            (table.item(r, 1).text(), table.item(r, 0).text())
            for r in range(table.rowCount())
            if table.item(r, 0) is not None and table.item(r, 1) is not None
        ]

    def _combo(self, options: list[tuple[str, str]], current: Any) -> QComboBox:
        combo = QComboBox()
        for label, value in options:
            combo.addItem(label, value)
        index = combo.findData(current)
        if index < 0 and current is not None:  # a value the options lack stays visible (and is flagged)
            combo.addItem(str(current), current)
            index = combo.count() - 1
        combo.setCurrentIndex(max(index, 0))
        combo.currentIndexChanged.connect(self.changed)
        return combo

    # --- reading the form -------------------------------------------------------------------

    def form_data(self) -> dict[str, Any]:
        """The campaign as the form now holds it (keys the form does not show kept from the source)."""
        ui = self.ui
        data = copy.deepcopy(self.source)
        data.setdefault("format", "gdiiot-campaign")
        data.setdefault("format_version", 1)
        data["kind"] = data.get("kind", "pilot-recommendation")
        data["version"] = data.get("version", 1)
        data["title"] = ui.titleEdit.text().strip()
        data["id"] = ui.idEdit.text().strip()
        data["year"] = ui.yearSpin.value()
        data["submit_authority"] = ui.submitAuthorityCombo.currentData()
        data["notice"] = {
            "province_number": ui.provinceNumberEdit.text().strip(),
            "province_date": ui.provinceDateEdit.date().toString("yyyy-MM-dd"),
            "ministry_number": ui.ministryNumberEdit.text().strip(),
            "ministry_date": ui.ministryDateEdit.date().toString("yyyy-MM-dd"),
        }
        data["deadline"] = {
            "date": ui.deadlineDateEdit.date().toString("yyyy-MM-dd"),
            "time": ui.deadlineTimeEdit.time().toString("HH:mm"),
            "text": ui.deadlineTextEdit.text().strip(),
            "clause": ui.deadlineClauseEdit.text().strip(),
        }
        applicant = dict(data.get("applicant", {}))
        applicant.update(
            max_projects=ui.maxProjectsSpin.value(),
            directions_per_category=ui.directionsPerCategorySpin.value(),
            registered_province=ui.registeredProvinceEdit.text().strip(),
            eligible_types=_split(ui.eligibleTypesEdit.text()),
        )
        data["applicant"] = applicant
        video = dict(data.get("video", {}))
        video.update(
            min_seconds=ui.videoMinSpin.value(),
            max_seconds=ui.videoMaxSpin.value(),
            tolerance_seconds=ui.videoToleranceSpin.value(),
            formats=[f.lower().lstrip(".") for f in _split(ui.videoFormatsEdit.text())],
        )
        data["video"] = video
        data["demonstration"] = {"period_years": ui.periodSpin.value()}
        data["copies"] = {
            **data.get("copies", {}),
            "summary_table": ui.summaryCopiesSpin.value(),
            "paper_package": ui.paperCopiesSpin.value(),
            "disc": ui.discCopiesSpin.value(),
        }
        data["categories"] = [
            {"id": _text(ui.categoriesTable, r, 0), "name": _text(ui.categoriesTable, r, 1)}
            for r in range(ui.categoriesTable.rowCount())
        ]
        data["regions"] = [
            {"id": str(ui.regionsTable.item(r, 0).data(_KEY) or ""), "name": _text(ui.regionsTable, r, 0),
             "quota": _number(_text(ui.regionsTable, r, 1))}
            for r in range(ui.regionsTable.rowCount())
        ]  # fmt: skip
        data["cities"] = [self._city(r) for r in range(ui.citiesTable.rowCount())]
        data["materials"] = [self._material(r) for r in range(ui.materialsTable.rowCount())]
        data["rules"] = {self._rule_id(r): self._rule(r) for r in range(ui.rulesTable.rowCount())}
        directions = dict(data.get("directions", {}))
        directions["confirmed"] = ui.directionsConfirmedCheck.isChecked()
        note = ui.directionsNoteEdit.text().strip()
        if note:
            directions["note"] = note
        else:
            directions.pop("note", None)
        total = ui.expectedTotalSpin.value()
        if total:
            directions["expected_total"] = total
        else:
            directions.pop("expected_total", None)
        per = {a.value: s.value() for a, s in ((Authority.MIIT_PROVINCE, ui.expectedMiitSpin),
                                               (Authority.COMMUNICATIONS_ADMINISTRATION, ui.expectedCaSpin)) if s.value()}  # fmt: skip
        if per:
            directions["expected_per_authority"] = per
        else:
            directions.pop("expected_per_authority", None)
        directions["list"] = [self._direction(r) for r in range(ui.directionsTable.rowCount())]
        data["directions"] = directions
        return data

    def _city(self, row: int) -> dict[str, Any]:
        table = self.ui.citiesTable
        city: dict[str, Any] = {
            "name": _text(table, row, 0),
            "division": _text(table, row, 1),
            "region": _combo_value(table, row, 2),
        }
        direct = _text(table, row, 3)
        if direct:
            city["direct_quota"] = _number(direct)
        return city

    def _material(self, row: int) -> dict[str, Any]:
        table = self.ui.materialsTable
        material: dict[str, Any] = {
            "id": _text(table, row, 0),
            "name": _text(table, row, 1),
            "class": _combo_value(table, row, 2),
            "required": _checked(table, row, 3),
            "missing_grade": _combo_value(table, row, 4),
        }
        before = next((m for m in self.source.get("materials", []) if m.get("id") == material["id"]), None)
        if material["missing_grade"] == Grade.ERROR.value and before is not None and "missing_grade" not in before:
            del material["missing_grade"]  # the default, left unwritten as the file it came from had it
        count = _number(_text(table, row, 5) or "1")
        if count != 1:
            material["min_count"] = count
        if _checked(table, row, 6):
            material["distinct_years"] = True
        if before is not None and "export_grade" in before:
            material["export_grade"] = before["export_grade"]  # not shown in the table: kept as it was
        return material

    def _rule_id(self, row: int) -> str:
        return str(self.ui.rulesTable.item(row, 0).data(_KEY))

    def _rule(self, row: int) -> dict[str, Any]:
        table = self.ui.rulesTable
        return {
            "title": _text(table, row, 0),
            "grade": _combo_value(table, row, 1),
            "overridable": _checked(table, row, 2),
            "clause": _text(table, row, 3),
            "clause_text": self._clause_texts.get(self._rule_id(row), ""),
        }

    def _direction(self, row: int) -> dict[str, Any]:
        table = self.ui.directionsTable
        return {
            "id": _text(table, row, 1),
            "no": _number(_text(table, row, 0)),
            "category": _combo_value(table, row, 2),
            "name": _text(table, row, 3),
            "authorities": _split(_text(table, row, 4)),
        }

    # --- reacting -------------------------------------------------------------------------

    def _connect(self) -> None:
        ui = self.ui
        for edit in (ui.titleEdit, ui.idEdit, ui.provinceNumberEdit, ui.ministryNumberEdit, ui.deadlineTextEdit,
                     ui.deadlineClauseEdit, ui.registeredProvinceEdit, ui.eligibleTypesEdit, ui.videoFormatsEdit,
                     ui.directionsNoteEdit):  # fmt: skip
            edit.textChanged.connect(self.changed)
        for spin in (ui.yearSpin, ui.maxProjectsSpin, ui.directionsPerCategorySpin, ui.videoMinSpin, ui.videoMaxSpin,
                     ui.videoToleranceSpin, ui.periodSpin, ui.summaryCopiesSpin, ui.paperCopiesSpin, ui.discCopiesSpin,
                     ui.expectedTotalSpin, ui.expectedMiitSpin, ui.expectedCaSpin):  # fmt: skip
            spin.valueChanged.connect(self.changed)
        for date_edit in (ui.provinceDateEdit, ui.ministryDateEdit, ui.deadlineDateEdit):
            date_edit.dateChanged.connect(self.changed)
        ui.deadlineTimeEdit.timeChanged.connect(self.changed)
        ui.submitAuthorityCombo.currentIndexChanged.connect(self.changed)
        ui.directionsConfirmedCheck.toggled.connect(self.changed)
        for table in self._tables():
            table.itemChanged.connect(self.changed)
        ui.regionsTable.itemChanged.connect(self._regions_renamed)
        ui.categoriesTable.itemChanged.connect(self._categories_renamed)
        ui.rulesTable.itemSelectionChanged.connect(self._rule_selected)
        ui.clauseTextEdit.textChanged.connect(self._clause_text_edited)
        ui.addMaterialButton.clicked.connect(self.add_material)
        ui.removeMaterialButton.clicked.connect(lambda: self._remove_selected(ui.materialsTable))
        ui.addDirectionButton.clicked.connect(self.add_direction)
        ui.removeDirectionButton.clicked.connect(lambda: self._remove_selected(ui.directionsTable))
        ui.importDirectionsButton.clicked.connect(self.import_directions)
        ui.exportDirectionsButton.clicked.connect(self.export_directions)
        ui.problemsList.itemActivated.connect(self._jump_to_problem)
        ui.problemsList.itemClicked.connect(self._jump_to_problem)
        ui.saveButton.clicked.connect(self.save)
        ui.closeButton.clicked.connect(self.reject)

    def changed(self) -> None:
        if not self._loading:
            self._timer.start()

    def _regions_renamed(self, item: QTableWidgetItem) -> None:
        if self._loading or item.column() != 0:
            return
        options = self._region_options()
        for row in range(self.ui.citiesTable.rowCount()):
            combo = self.ui.citiesTable.cellWidget(row, 2)
            if isinstance(combo, QComboBox):
                for i, (label, value) in enumerate(options):
                    if combo.itemData(i) == value:
                        combo.setItemText(i, label)

    def _categories_renamed(self, item: QTableWidgetItem) -> None:
        if self._loading:
            return
        options = self._category_options()
        for row in range(self.ui.directionsTable.rowCount()):
            combo = self.ui.directionsTable.cellWidget(row, 2)
            if isinstance(combo, QComboBox):
                current = combo.currentData()
                combo.blockSignals(True)
                combo.clear()
                for label, value in options:
                    combo.addItem(label, value)
                combo.setCurrentIndex(max(0, combo.findData(current)))
                combo.blockSignals(False)

    def _rule_selected(self) -> None:
        rows = self.ui.rulesTable.selectionModel().selectedRows() if self.ui.rulesTable.selectionModel() else []
        edit = self.ui.clauseTextEdit
        edit.blockSignals(True)
        if rows:
            rule_id = self._rule_id(rows[0].row())
            edit.setPlainText(self._clause_texts.get(rule_id, ""))
            edit.setEnabled(True)
            self.ui.clauseTextCaption.setText(f"“{_text(self.ui.rulesTable, rows[0].row(), 0)}”的条款原文：")
        else:
            edit.setPlainText("")
            edit.setEnabled(False)
        edit.blockSignals(False)

    def _clause_text_edited(self) -> None:
        rows = self.ui.rulesTable.selectionModel().selectedRows()
        if rows:
            self._clause_texts[self._rule_id(rows[0].row())] = self.ui.clauseTextEdit.toPlainText().strip()
            self.changed()

    def add_material(self) -> None:
        used = {_text(self.ui.materialsTable, r, 0) for r in range(self.ui.materialsTable.rowCount())}
        n = 1
        while f"material{n}" in used:
            n += 1
        self._add_material_row({"id": f"material{n}", "name": "", "class": "other", "required": False, "missing_grade": "hint"})
        self.ui.materialsTable.editItem(self.ui.materialsTable.item(self.ui.materialsTable.rowCount() - 1, 1))
        self.changed()

    def add_direction(self) -> None:
        table = self.ui.directionsTable
        used = {_text(table, r, 1) for r in range(table.rowCount())}
        n = 1
        while f"d{n:02d}" in used:
            n += 1
        options = self._category_options()
        self._add_direction_row(
            {"id": f"d{n:02d}", "no": table.rowCount() + 1, "category": options[0][1] if options else "",
             "name": "", "authorities": [self.ui.submitAuthorityCombo.currentData()]}
        )  # fmt: skip
        table.scrollToBottom()
        table.editItem(table.item(table.rowCount() - 1, 3))
        self.changed()

    def _remove_selected(self, table: QTableWidget) -> None:
        rows = sorted({i.row() for i in table.selectionModel().selectedRows()}, reverse=True)
        for row in rows:
            table.removeRow(row)
        if rows:
            self.changed()

    def import_directions(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "导入方向清单", str(Path.home()), XLSX_FILTER)
        if name:
            self.import_directions_from(Path(name))

    def import_directions_from(self, path: Path) -> bool:
        """Replace the direction list with a spreadsheet's (序号, 类别, 方向, 负责单位); the expected
        counts follow the imported list. False (and a message) when it cannot be read."""
        try:
            rows = campaign_files.read_direction_sheet(self.form_data(), path)
        except Exception as exc:  # noqa: BLE001 - shown to the user, nothing changed
            QMessageBox.warning(self, "无法导入方向清单", _message(exc))
            return False
        self._loading = True
        try:
            self._load_directions(rows)
            self.ui.expectedTotalSpin.setValue(len(rows))
            self.ui.expectedMiitSpin.setValue(sum(Authority.MIIT_PROVINCE.value in r["authorities"] for r in rows))
            self.ui.expectedCaSpin.setValue(
                sum(Authority.COMMUNICATIONS_ADMINISTRATION.value in r["authorities"] for r in rows)
            )
        finally:
            self._loading = False
        self.revalidate()
        return True

    def export_directions(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, "导出方向清单", str(Path.home() / "方向清单.xlsx"), XLSX_FILTER)
        if not name:
            return
        try:
            campaign_files.write_direction_sheet(self.form_data(), Path(name))
        except Exception as exc:  # noqa: BLE001
            QMessageBox.warning(self, "无法导出方向清单", _message(exc))

    # --- checking -------------------------------------------------------------------------

    def revalidate(self) -> None:
        """Check the form's data; mark each problem at its field and list it; show the differences."""
        self._timer.stop()
        data = self.form_data()
        self.problems = campaign_files.problems_of(data)
        self._clear_marks()
        ui = self.ui
        ui.problemsList.clear()
        for problem in self.problems:
            text = described(problem.location, problem.message, data, place=False)
            self._mark(problem.location, text)
            item = QListWidgetItem(text)
            item.setData(_KEY, problem.location)
            ui.problemsList.addItem(item)
        if self.problems:
            ui.problemsLabel.setText(f"有 {len(self.problems)} 处问题需要修改（点击一项可转到该处）：")
            ui.problemsLabel.setStyleSheet(ERROR_TEXT_STYLE)
        else:
            ui.problemsLabel.setText("检查通过：可以保存为活动文件。")
            ui.problemsLabel.setStyleSheet(OK_TEXT_STYLE)
        ui.problemsList.setVisible(bool(self.problems))
        self._show_differences(data)

    def _show_differences(self, data: dict[str, Any]) -> None:
        changes = campaign_files.diff_campaign_data(self.source, data)
        ui = self.ui
        ui.diffList.clear()
        for change in changes:
            ui.diffList.addItem(change.text)
        ui.diffCaption.setText(
            f"与“{self.source_label}”相比有 {len(changes)} 处不同：" if changes else f"与“{self.source_label}”相同。"
        )
        index = ui.formTabs.indexOf(ui.diffTab)
        ui.formTabs.setTabText(index, f"与原活动的不同（{len(changes)}）")

    def _field_widgets(self) -> dict[str, QWidget]:
        ui = self.ui
        return {
            "title": ui.titleEdit, "id": ui.idEdit, "year": ui.yearSpin, "submit_authority": ui.submitAuthorityCombo,
            "notice.province_number": ui.provinceNumberEdit, "notice.province_date": ui.provinceDateEdit,
            "notice.ministry_number": ui.ministryNumberEdit, "notice.ministry_date": ui.ministryDateEdit,
            "deadline.date": ui.deadlineDateEdit, "deadline.time": ui.deadlineTimeEdit,
            "deadline.text": ui.deadlineTextEdit, "deadline.clause": ui.deadlineClauseEdit,
            "applicant.max_projects": ui.maxProjectsSpin, "applicant.directions_per_category": ui.directionsPerCategorySpin,
            "applicant.registered_province": ui.registeredProvinceEdit, "applicant.eligible_types": ui.eligibleTypesEdit,
            "video.min_seconds": ui.videoMinSpin, "video.max_seconds": ui.videoMaxSpin,
            "video.tolerance_seconds": ui.videoToleranceSpin, "video.formats": ui.videoFormatsEdit,
            "demonstration.period_years": ui.periodSpin, "copies.summary_table": ui.summaryCopiesSpin,
            "copies.paper_package": ui.paperCopiesSpin, "copies.disc": ui.discCopiesSpin,
            "directions.expected_total": ui.expectedTotalSpin, "directions.note": ui.directionsNoteEdit,
            "directions.expected_per_authority": ui.expectedMiitSpin, "directions.confirmed": ui.directionsConfirmedCheck,
            "regions": ui.regionsTable, "cities": ui.citiesTable, "materials": ui.materialsTable,
            "rules": ui.rulesTable, "categories": ui.categoriesTable, "directions.list": ui.directionsTable,
        }  # fmt: skip

    def _table_columns(self) -> dict[str, tuple[QTableWidget, dict[str, int]]]:
        ui = self.ui
        return {
            "regions": (ui.regionsTable, REGION_COLUMNS),
            "cities": (ui.citiesTable, CITY_COLUMNS),
            "materials": (ui.materialsTable, MATERIAL_COLUMNS),
            "categories": (ui.categoriesTable, CATEGORY_COLUMNS),
            "directions.list": (ui.directionsTable, DIRECTION_COLUMNS),
        }

    def widget_for(self, location: str) -> QWidget | QTableWidgetItem | None:
        """The widget (or table cell) a problem's location points at; None when the form has no such field."""
        fields = self._field_widgets()
        if location in fields:
            return fields[location]
        if location.startswith("video.max_seconds"):
            return self.ui.videoMaxSpin
        parts = split_location(location)
        if parts and parts[0] == "rules" and len(parts) >= 2:
            row = next((r for r in range(self.ui.rulesTable.rowCount()) if self._rule_id(r) == parts[1]), None)
            if row is None:
                return self.ui.rulesTable
            if len(parts) >= 3 and parts[2] == "clause_text":
                return self.ui.clauseTextEdit
            column = RULE_COLUMNS.get(str(parts[2]), 0) if len(parts) >= 3 else 0
            return _cell(self.ui.rulesTable, row, column)
        table_name = "directions.list" if location.startswith("directions.list") else str(parts[0]) if parts else ""
        if table_name in self._table_columns():
            table, columns = self._table_columns()[table_name]
            index = next((p for p in parts if isinstance(p, int)), None)
            if index is None or index >= table.rowCount():
                return table
            after = parts[parts.index(index) + 1 :]
            field = str(after[0]) if after and isinstance(after[0], str) else ""
            return _cell(table, index, columns.get(field, columns.get("name", 0)))
        head = ".".join(str(p) for p in parts[:2])
        return fields.get(head) or fields.get(str(parts[0]) if parts else "")

    def _mark(self, location: str, message: str) -> None:
        target = self.widget_for(location)
        if isinstance(target, QTableWidgetItem):
            table = target.tableWidget()
            table.blockSignals(True)
            target.setBackground(_BAD_CELL)
            target.setToolTip(_joined(target.toolTip(), message))
            table.blockSignals(False)
        elif isinstance(target, QTableWidget):
            target.setStyleSheet("QTableWidget { border: 2px solid #b3261e; }")
            target.setToolTip(_joined(target.toolTip(), message))
        elif isinstance(target, QAbstractSpinBox):
            # A style sheet on the box itself would redraw its arrows; the text part shows the mark.
            target.lineEdit().setStyleSheet(ERROR_STYLE)
            target.setToolTip(_joined(target.toolTip(), message))
        elif target is not None:
            target.setStyleSheet(ERROR_STYLE)
            target.setToolTip(_joined(target.toolTip(), message))

    def _clear_marks(self) -> None:
        for widget in self._field_widgets().values():
            widget.setStyleSheet("")
            widget.setToolTip("")
            if isinstance(widget, QAbstractSpinBox):
                widget.lineEdit().setStyleSheet("")
        self.ui.clauseTextEdit.setStyleSheet("")
        self.ui.clauseTextEdit.setToolTip("")
        for table in self._tables():
            table.blockSignals(True)
            for row in range(table.rowCount()):
                for column in range(table.columnCount()):
                    item = table.item(row, column)
                    if item is not None and item.background().color() == _BAD_CELL:
                        item.setBackground(QColor(Qt.GlobalColor.transparent))
                        rule_id = item.data(_KEY) if table is self.ui.rulesTable and column == 0 else None
                        item.setToolTip(f"规则编号：{rule_id}" if rule_id else "")
                    widget = table.cellWidget(row, column)
                    if widget is not None:
                        widget.setStyleSheet("")
            table.blockSignals(False)

    def _jump_to_problem(self, item: QListWidgetItem) -> None:
        target = self.widget_for(str(item.data(_KEY)))
        widget = target.tableWidget() if isinstance(target, QTableWidgetItem) else target
        if widget is None:
            return
        for i in range(self.ui.formTabs.count()):
            page = self.ui.formTabs.widget(i)
            if page is not None and page.isAncestorOf(widget):
                self.ui.formTabs.setCurrentIndex(i)
        screen_fit.scroll_to(widget)
        if isinstance(target, QTableWidgetItem):
            widget_table = target.tableWidget()
            widget_table.setCurrentItem(target)
            widget_table.scrollToItem(target)
        widget.setFocus()

    # --- saving ---------------------------------------------------------------------------

    def save(self) -> None:
        self.revalidate()
        if self.problems:
            QMessageBox.warning(
                self, "活动文件未保存", f"还有 {len(self.problems)} 处问题，请按下方列表改正后再保存。"
            )
            return
        data = self.form_data()
        suggested = paths.data_dir(create=False) / f"{data.get('id') or '新活动'}.toml"
        name, _ = QFileDialog.getSaveFileName(self, "保存活动文件", str(suggested), CAMPAIGN_FILTER)
        if name:
            path = Path(name)
            self.save_to(path if path.suffix else path.with_suffix(".toml"))

    def save_to(self, path: Path) -> bool:
        """Write the form's campaign to `path` (refused while there are problems); True when written."""
        try:
            campaign_files.save_campaign(self.form_data(), path, made_from=self.source_label)
        except Exception as exc:  # noqa: BLE001 - shown to the user, the form keeps its content
            QMessageBox.warning(self, "活动文件未保存", _message(exc))
            return False
        self.saved_path = path
        self.ui.problemsLabel.setText(f"已保存：{path}")
        self.ui.problemsLabel.setStyleSheet(OK_TEXT_STYLE)
        return True


def open_campaign_editor(
    parent: QWidget | None,
    source_ref: str | Path | None = None,
    *,
    source_text: str | None = None,
    label: str = "",
    directions: list[dict[str, Any]] | None = None,
) -> CampaignEditor | None:
    """The form started from a shipped campaign, a file, or a database's campaign text (with the
    database's own direction list, when given); None (after a message) when the source cannot be read."""
    import tomllib

    try:
        if source_text is not None:
            data = tomllib.loads(source_text)
        else:
            data = campaign_files.read_campaign_data(source_ref or "2023-pilot")
    except Exception as exc:  # noqa: BLE001
        QMessageBox.warning(parent, "无法读取活动文件", _message(exc))
        return None
    if directions and isinstance(data.get("directions"), dict):
        data["directions"]["list"] = directions  # the list the database works with, as the user confirmed it
    new = campaign_files.new_campaign_data(data, year=int(data.get("year", 2023)) + 1)
    editor = CampaignEditor(data, label or str(data.get("title", source_ref)), parent)
    editor.load(new)
    editor.revalidate()
    return editor


# --- small helpers ----------------------------------------------------------------------------


def _set_date(edit: Any, text: Any) -> None:
    date = QDate.fromString(str(text or ""), "yyyy-MM-dd")
    edit.setDate(date if date.isValid() else QDate.currentDate())


def _append_row(table: QTableWidget) -> int:
    row = table.rowCount()
    table.insertRow(row)
    return row


def _text_item(value: Any, key: Any = None) -> QTableWidgetItem:
    item = QTableWidgetItem("" if value is None else str(value))
    if key is not None:
        item.setData(_KEY, key)
    return item


def _check_item(checked: bool) -> QTableWidgetItem:
    item = QTableWidgetItem()
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable)
    item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
    return item


def _cell(table: QTableWidget, row: int, column: int) -> QTableWidgetItem | QWidget | None:
    return table.cellWidget(row, column) or table.item(row, column)


def _text(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    return item.text().strip() if item is not None else ""


def _checked(table: QTableWidget, row: int, column: int) -> bool:
    item = table.item(row, column)
    return item is not None and item.checkState() == Qt.CheckState.Checked


def _combo_value(table: QTableWidget, row: int, column: int) -> Any:
    combo = table.cellWidget(row, column)
    return combo.currentData() if isinstance(combo, QComboBox) else None


def _number(text: str) -> Any:
    """An integer typed in a cell; anything else is kept as typed, for the check to name."""
    try:
        return int(text)
    except ValueError:
        return text


def _split(text: str) -> list[str]:
    return [p.strip() for p in text.replace("，", _SEP).replace(",", _SEP).replace(";", _SEP).split(_SEP) if p.strip()]


def _grades() -> list[tuple[str, str]]:
    return [(g.label, g.value) for g in Grade]


def _message(exc: BaseException) -> str:
    text, details, _technical = describe(exc)
    return "\n".join([text, *details[:12]])


def _joined(old: str, new: str) -> str:
    return f"{old}\n{new}" if old else new

