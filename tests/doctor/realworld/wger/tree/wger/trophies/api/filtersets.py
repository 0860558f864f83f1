#  This file is part of wger Workout Manager <https://github.com/wger-project>.
#  Copyright (C) 2013 - 2021 wger Team
#
#  wger Workout Manager is free software: you can redistribute it and/or modify
#  it under the terms of the GNU Affero General Public License as published by
#  the Free Software Foundation, either version 3 of the License, or
#  (at your option) any later version.
#
#  wger Workout Manager is distributed in the hope that it will be useful,
#  but WITHOUT ANY WARRANTY; without even the implied warranty of
#  MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
#  GNU Affero General Public License for more details.
#
#  You should have received a copy of the GNU Affero General Public License
#  along with this program.  If not, see <http://www.gnu.org/licenses/>.

# Third Party
from django_filters import rest_framework as filters

# wger
from wger.trophies.models import (
    Trophy,
    UserTrophy,
)


class TrophyFilterSet(filters.FilterSet):
    """
    Filter set for Trophy model.
    """

    class Meta:
        model = Trophy
        fields = {
            'id': ['exact', 'in'],
            'trophy_type': ['exact', 'in'],
            'is_active': ['exact'],
            'is_hidden': ['exact'],
            'is_progressive': ['exact'],
            'is_repeatable': ['exact'],
        }


class UserTrophyFilterSet(filters.FilterSet):
    """
    Filter set for UserTrophy model.
    """

    class Meta:
        model = UserTrophy
        fields = {
            'id': ['exact', 'in'],
            'earned_at': ['exact', 'gt', 'gte', 'lt', 'lte'],
            'is_notified': ['exact'],
            'trophy': ['exact', 'in'],
            'trophy__is_active': ['exact'],
            'trophy__is_hidden': ['exact'],
            'trophy__is_repeatable': ['exact'],
            'trophy__trophy_type': ['exact', 'in'],
        }
