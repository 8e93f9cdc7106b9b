import { accessMatrix } from '../support/access-matrix.ts'

accessMatrix('admin', 'users, teams, role changes and settings')
