from django.apps import AppConfig


class NavigationConfig(AppConfig):
    name = "navigation"

    def ready(self):
        from accounts.areas import OFFICER, TEAM, register_landing

        # Officers' work is in the dashboards; team leaders' and members' in their team's area.
        register_landing(OFFICER, "reporting:dashboard")
        register_landing(TEAM, "teams:home")
