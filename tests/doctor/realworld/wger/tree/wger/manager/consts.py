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

RIR_OPTIONS = [None, 0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5]

REQUIREMENTS_RULES_KEYS = [
    'weight',
    'repetitions',
    'rir',
    'rest',
]
"""Log fields that progression requirements can reference"""

REP_UNIT_REPETITIONS = 1
REP_UNIT_TILL_FAILURE = 2
REP_UNIT_MAX_REPS = 7

REP_UNIT_SECONDS = 3
REP_UNIT_MINUTES = 4

REP_UNIT_METERS = 8
REP_UNIT_KILOMETERS = 6
REP_UNIT_MILES = 5

WEIGHT_UNIT_KG = 1
WEIGHT_UNIT_LB = 2

# Unit type constants (matching RepetitionUnit.UNIT_TYPE_* choices)
UNIT_TYPE_REPETITIONS = 'REPETITIONS'
UNIT_TYPE_TIME = 'TIME'
UNIT_TYPE_DISTANCE = 'DISTANCE'
