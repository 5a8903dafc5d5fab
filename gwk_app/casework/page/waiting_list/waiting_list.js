// Copyright (c) 2026, gwk_app developers
// License: MIT. See license.txt
// /app/waiting-list: today's queue at the office hours of a project. Walk-ins are added by first name
// or just a number, the waiting time runs, "Call Next" calls whoever waited longest, and closing a
// visit opens the consultation quick entry filled in with project, channel and duration.

frappe.pages["waiting-list"].on_page_load = function (wrapper) {
	const page = frappe.ui.make_app_page({
		parent: wrapper,
		title: __("Waiting List"),
		single_column: true,
	});
	wrapper.gwk_waiting_list = new GwkWaitingList(page, wrapper);
};

frappe.pages["waiting-list"].on_page_show = function (wrapper) {
	wrapper.gwk_waiting_list && wrapper.gwk_waiting_list.refresh();
};

class GwkWaitingList {
	constructor(page, wrapper) {
		this.page = page;
		this.$body = $('<div class="gwk-waiting-list"></div>').appendTo(
			$(wrapper).find(".layout-main-section")
		);
		this.project_field = page.add_field({
			fieldname: "project",
			fieldtype: "Link",
			options: "Community Project",
			label: __("Community Project"),
			change: () => this.refresh(),
		});
		page.set_primary_action(__("Call Next"), () => this.call_next());
		page.set_secondary_action(__("Add Walk-in"), () => this.add_walk_in());
		frappe.xcall("gwk_app.api.casework.quick_entry_context").then((context) => {
			const project = frappe.route_options?.project || context.default_project;
			if (project && !this.project_field.get_value()) this.project_field.set_value(project);
		});
		this.timer = setInterval(() => this.project() && this.refresh(), 60 * 1000);
	}

	project() {
		return this.project_field.get_value();
	}

	refresh() {
		if (!this.project()) {
			this.$body.html(`<p class="text-muted">${__("Choose a project.")}</p>`);
			return Promise.resolve();
		}
		return frappe
			.xcall("gwk_app.api.appointments.waiting_list", { project: this.project() })
			.then((data) => this.render(data));
	}

	render(data) {
		const open = data.visits.filter((v) => ["Waiting", "Called"].includes(v.status));
		const done = data.visits.filter((v) => !["Waiting", "Called"].includes(v.status));
		const hours = data.in_office_hours
			? `<span class="indicator-pill green">${__("Office hours are on")}</span>`
			: `<span class="indicator-pill gray">${__("No office hours right now")}</span>`;
		const wait =
			data.longest_wait != null ? __("Longest wait: {0} minutes", [data.longest_wait]) : "";
		const rows = open
			.map(
				(v) => `<tr data-visit="${frappe.utils.escape_html(v.name)}" data-status="${v.status}">
				<td>${v.queue_number}</td>
				<td>${frappe.utils.escape_html(v.label || "")}</td>
				<td>${__(v.status)}</td>
				<td>${v.waiting_minutes != null ? __("{0} min", [v.waiting_minutes]) : ""}</td>
				<td class="text-right">
					${v.status === "Waiting" ? `<button class="btn btn-xs btn-default" data-action="Called">${__("Call")}</button>` : ""}
					${v.status === "Called" ? `<button class="btn btn-xs btn-primary" data-action="close">${__("Close Visit")}</button>` : ""}
					<button class="btn btn-xs btn-default" data-action="Left">${__("Left")}</button>
				</td></tr>`
			)
			.join("");
		this.$body.html(`
			<p>${hours} <span class="ml-3">${__("Waiting: {0}", [data.waiting])}</span>
				<span class="ml-3 text-muted">${wait}</span></p>
			<table class="table table-bordered gwk-queue">
				<thead><tr><th>${__("Number")}</th><th>${__("First Name or Number")}</th>
				<th>${__("Status")}</th><th>${__("Waiting Time")}</th><th></th></tr></thead>
				<tbody>${rows || `<tr><td colspan="5" class="text-muted">${__("Nobody is waiting.")}</td></tr>`}</tbody>
			</table>
			<p class="text-muted small">${__("Closed today: {0}", [done.length])}</p>`);
		this.$body.find("button[data-action]").on("click", (e) => {
			const $btn = $(e.currentTarget);
			const visit = $btn.closest("tr").attr("data-visit");
			const action = $btn.attr("data-action");
			if (action === "close") this.close_visit(visit);
			else this.set_status(visit, action);
		});
	}

	add_walk_in() {
		if (!this.project()) return frappe.msgprint(__("Choose a project."));
		frappe.prompt(
			{
				fieldname: "label",
				fieldtype: "Data",
				label: __("First Name or Number"),
				description: __("Only a first name or a number: no surname, no contact data"),
			},
			(values) =>
				frappe
					.xcall("gwk_app.api.appointments.add_walk_in", {
						project: this.project(),
						label: values.label || "",
					})
					.then(() => this.refresh()),
			__("Add Walk-in"),
			__("Add")
		);
	}

	call_next() {
		if (!this.project()) return frappe.msgprint(__("Choose a project."));
		frappe
			.xcall("gwk_app.api.appointments.call_next", { project: this.project() })
			.then((visit) => {
				if (!visit) frappe.show_alert(__("Nobody is waiting."));
				else frappe.show_alert({ message: __("Next: {0}", [visit.label]), indicator: "green" });
				return this.refresh();
			});
	}

	set_status(visit, status) {
		frappe
			.xcall("gwk_app.api.appointments.set_visit_status", { visit, status })
			.then(() => this.refresh());
	}

	close_visit(visit) {
		frappe.xcall("gwk_app.api.appointments.close_visit", { visit }).then((entry) => {
			this.refresh();
			gwk_app.quick_consultation({
				project: entry.project,
				channel: entry.channel,
				consultation_date: entry.consultation_date,
				duration_minutes: entry.duration_minutes,
				after_insert: (doc) =>
					frappe
						.xcall("gwk_app.api.appointments.link_visit_consultation", {
							visit: entry.visit,
							consultation: doc.name,
						})
						.then(() => this.refresh()),
			});
		});
	}
}
