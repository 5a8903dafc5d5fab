// Copyright (c) 2026, gwk_app developers
// License: MIT. See license.txt
// Consultation quick entry: one short dialog to log a contact during office hours, used by the
// workspace shortcut, the Consultation list, the Resident form and every "new Consultation" action.

frappe.provide("gwk_app");

gwk_app.quick_consultation = function (opts = {}) {
	return frappe
		.xcall("gwk_app.api.casework.quick_entry_context")
		.then((context) => gwk_app._show_quick_consultation(context, opts));
};

gwk_app._consultation_options = function (fieldname) {
	const df = frappe.meta.get_docfield("Consultation", fieldname);
	return ((df && df.options) || "")
		.split("\n")
		.filter(Boolean)
		.map((value) => ({ value, label: __(value) }));
};

gwk_app._show_quick_consultation = function (context, opts) {
	return frappe.model.with_doctype("Consultation").then(() => {
		const projects = context.projects || [];
		if (!projects.length) {
			frappe.msgprint({
				title: __("No Project"),
				message: __("You are not on the team of any project, so you cannot record consultations."),
				indicator: "orange",
			});
			return;
		}
		const project = opts.project || context.default_project || "";
		const channel_for = (p) => (p && context.in_office_hours[p] ? "Office Hours" : "");
		const named = Boolean(opts.resident);

		const dialog = new frappe.ui.Dialog({
			title: __("New Consultation"),
			size: "large",
			fields: [
				{
					fieldname: "project",
					fieldtype: "Select",
					label: __("Community Project"),
					options: [{ value: "", label: "" }, ...projects.map((p) => ({ value: p, label: p }))],
					default: project,
					reqd: 1,
					onchange() {
						const value = dialog.get_value("project");
						if (!dialog.get_value("channel") && channel_for(value)) {
							dialog.set_value("channel", channel_for(value));
						}
					},
				},
				{
					fieldname: "channel",
					fieldtype: "Select",
					label: __("Channel"),
					options: [{ value: "", label: "" }, ...gwk_app._consultation_options("channel")],
					default: opts.channel || channel_for(project),
					reqd: 1,
				},
				{ fieldtype: "Column Break" },
				{
					fieldname: "consultation_date",
					fieldtype: "Date",
					label: __("Date"),
					default: opts.consultation_date || context.today,
					reqd: 1,
				},
				{
					fieldname: "duration_minutes",
					fieldtype: "Int",
					label: __("Duration (Minutes)"),
					default: opts.duration_minutes || 15,
					reqd: 1,
				},
				{ fieldtype: "Section Break", label: __("Person") },
				{
					fieldname: "anonymous",
					fieldtype: "Check",
					label: __("Anonymous"),
					default: named ? 0 : 1,
					description: __("Anonymous contacts keep only gender and age group."),
				},
				{
					fieldname: "resident",
					fieldtype: "Link",
					label: __("Resident"),
					options: "Resident",
					default: opts.resident || "",
					depends_on: "eval:!doc.anonymous",
					mandatory_depends_on: "eval:!doc.anonymous",
					get_query: () => ({ filters: { project: dialog.get_value("project") || "" } }),
				},
				{
					fieldname: "case",
					fieldtype: "Link",
					label: __("Case"),
					options: "Case",
					default: opts.case || "",
					depends_on: "eval:!doc.anonymous",
					get_query: () => {
						const filters = { project: dialog.get_value("project") || "" };
						if (dialog.get_value("resident")) filters.resident = dialog.get_value("resident");
						return { filters };
					},
				},
				{ fieldtype: "Column Break" },
				{
					fieldname: "gender",
					fieldtype: "Select",
					label: __("Gender"),
					options: gwk_app._consultation_options("gender"),
					default: "Not specified",
					depends_on: "eval:doc.anonymous",
				},
				{
					fieldname: "age_group",
					fieldtype: "Select",
					label: __("Age Group"),
					options: gwk_app._consultation_options("age_group"),
					default: "Unknown",
					depends_on: "eval:doc.anonymous",
				},
				{ fieldtype: "Section Break" },
				{
					fieldname: "topics",
					fieldtype: "MultiSelectList",
					label: __("Topics"),
					get_data: (txt) => frappe.db.get_link_options("Topic", txt),
				},
				{
					fieldname: "note",
					fieldtype: "Small Text",
					label: __("Short Note"),
					description: __("No names or contact data for anonymous contacts."),
				},
			],
			primary_action_label: __("Save") + " (Ctrl+Enter)",
			primary_action(values) {
				gwk_app._save_quick_consultation(dialog, values, opts);
			},
			secondary_action_label: __("Edit Full Form"),
			secondary_action() {
				const values = dialog.get_values(true) || {};
				dialog.hide();
				frappe.route_options = Object.assign({}, values);
				delete frappe.route_options.topics;
				gwk_app._open_full_form = true;
				frappe.new_doc("Consultation").finally(() => (gwk_app._open_full_form = false));
			},
		});

		dialog.$wrapper.on("keydown", (e) => {
			if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
				e.preventDefault();
				e.stopPropagation();
				dialog.get_primary_btn().trigger("click");
			}
		});
		dialog.$wrapper.attr("data-gwk-dialog", "quick-consultation");
		if (opts.on_hide) dialog.onhide = opts.on_hide;
		// start where the user has to type: the first required field still empty
		dialog.$wrapper.one("shown.bs.modal", () => {
			const first_empty = ["project", "channel"].find((f) => !dialog.get_value(f));
			const field = dialog.get_field(first_empty || (named ? "topics" : "channel"));
			if (field && field.$input) field.$input.trigger("focus");
			dialog.$wrapper.attr("data-gwk-ready", "1");
		});
		dialog.show();
		gwk_app.quick_consultation_dialog = dialog;
		return dialog;
	});
};

gwk_app._save_quick_consultation = function (dialog, values, opts) {
	const args = {
		project: values.project,
		channel: values.channel,
		consultation_date: values.consultation_date,
		duration_minutes: values.duration_minutes,
		anonymous: values.anonymous ? 1 : 0,
		topics: JSON.stringify(values.topics || []),
		note: values.note || "",
	};
	if (values.anonymous) {
		args.gender = values.gender;
		args.age_group = values.age_group;
	} else {
		args.resident = values.resident;
		if (values.case) args.case = values.case;
	}
	dialog.disable_primary_action();
	frappe
		.call({
			method: "gwk_app.api.casework.log_consultation",
			type: "POST",
			args,
			freeze: true,
			freeze_message: __("Saving"),
		})
		.then((r) => {
			if (!r || !r.message) return;
			dialog.hide();
			const who = r.message.anonymous ? __("anonymous") : r.message.resident_name;
			frappe.show_alert(
				{ message: __("Consultation {0} saved ({1}).", [r.message.name, who]), indicator: "green" },
				5
			);
			if (opts.after_insert) {
				frappe.db.get_doc("Consultation", r.message.name).then((doc) => opts.after_insert(doc));
			}
			if (cur_list && cur_list.doctype === "Consultation") cur_list.refresh();
			if (opts.frm && !opts.frm.is_new()) opts.frm.reload_doc();
		})
		.always(() => dialog.enable_primary_action());
};

// every "new Consultation" (list, Link field "create new", form connections) opens the quick entry;
// "Edit Full Form" in the dialog still leads to the full form
frappe.provide("frappe.ui.form");
$(document).on("app_ready", () => {
	if (!frappe.ui.form.QuickEntryForm) return;
	frappe.ui.form.ConsultationQuickEntryForm = class ConsultationQuickEntryForm extends (
		frappe.ui.form.QuickEntryForm
	) {
		setup() {
			const existing = this.doc && this.doc.name && !this.doc.__islocal;
			if (existing || gwk_app._open_full_form) {
				return super.setup();
			}
			const doc = this.doc || {};
			return gwk_app
				.quick_consultation({
					project: doc.project,
					resident: doc.resident,
					case: doc.case,
					after_insert: this.after_insert,
				})
				.then(() => this);
		}
	};
});

frappe.ui.form.on("Resident", {
	refresh(frm) {
		if (frm.is_new() || !frappe.model.can_create("Consultation")) return;
		frm.add_custom_button(__("New Consultation"), () =>
			gwk_app.quick_consultation({ project: frm.doc.project, resident: frm.doc.name, frm })
		);
	},
});
