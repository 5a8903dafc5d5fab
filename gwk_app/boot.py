from gwk_app.access import PROJECT_BOUND
from gwk_app.permissions import user_projects


def boot_session(bootinfo):
	"""The projects of the logged-in user, for form defaults in the desk."""
	bootinfo.gwk_projects = user_projects()
	bootinfo.gwk_project_bound = list(PROJECT_BOUND)
