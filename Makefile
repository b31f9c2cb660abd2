# The two commands for a fresh machine are `make run` and `make test` (see README).
PY := .venv/bin/python
SAMPLE_IN ?= tests/data/sample_cases.jsonl
SAMPLE_OUT ?= out/sample_results.jsonl

.PHONY: install run test eval bench sample rasa-model status-model

install:
	@bash scripts/bootstrap.sh

run:
	@bash scripts/run.sh

sample: install  # the batch analyser on the sample cases (no server)
	@mkdir -p out
	$(PY) -m assistant analyse --input $(SAMPLE_IN) --output $(SAMPLE_OUT)
	@echo "wrote $(SAMPLE_OUT)"

test: install rasa-model
	$(PY) -m pytest -q

rasa-model:  # the chat layer's venv and a model for the current training data (cached by hash)
	@bash scripts/rasa_cmd.sh train

# Development sets (tuned on) first, then the sets scored before being read: holdout, fresh_w, fresh_x (sessions 2-5), fresh_ae, fresh_af (session 6; all five read by the session-7 tuners), fresh_ak, fresh_al, fresh_am (sealed in session 7, scored once, read in session 8), fresh_an-as (sealed in session 8, scored once at its end, read in session 9), fresh_at-ay (sealed in session 9, scored at its start and once at its end, read in session 10), fresh_az-bj (sealed in session 10, read in session 11), fresh_bk-bo (sealed in session 11, never read), fresh_bp and fresh_br (scored once in session 12, then read), fresh_bq, fresh_bs and fresh_bt (sealed in session 12, never read), fresh_bv and fresh_bw (scored once in session 13, then read), fresh_bu, fresh_bx and fresh_by (sealed in session 13, never read), fresh_ca and fresh_cb (scored once in session 14, then read), fresh_bz, fresh_cc and fresh_cd (sealed in session 14, never read), fresh_cf and fresh_cg (scored once in session 15, then read), fresh_ce and fresh_ch (sealed in session 15, never read), fresh_ci and fresh_ck (batch 8: scored once in session 15, then read), fresh_cj and fresh_cl (batch 8, sealed in session 15, never read).
EVAL_SETS ?= dev_cases dev_terse_cases fresh_a_cases fresh_b_cases fresh_c_cases fresh_d_cases fresh_e_cases fresh_f_cases fresh_g_cases fresh_h_cases fresh_i_cases fresh_j_cases fresh_k_cases fresh_l_cases fresh_m_cases fresh_n_cases fresh_o_cases fresh_p_cases fresh_q_cases fresh_r_cases fresh_s_cases fresh_t_cases fresh_u_cases fresh_v_cases fresh_y_cases fresh_z_cases fresh_aa_cases fresh_ab_cases fresh_ac_cases fresh_ad_cases fresh_ag_cases fresh_ah_cases fresh_ai_cases fresh_aj_cases holdout_cases fresh_w_cases fresh_x_cases fresh_ae_cases fresh_af_cases fresh_ak_cases fresh_al_cases fresh_am_cases fresh_an_cases fresh_ao_cases fresh_ap_cases fresh_aq_cases fresh_ar_cases fresh_as_cases fresh_at_cases fresh_au_cases fresh_av_cases fresh_aw_cases fresh_ax_cases fresh_ay_cases fresh_az_cases fresh_ba_cases fresh_bb_cases fresh_bc_cases fresh_be_cases fresh_bf_cases fresh_bg_cases fresh_bh_cases fresh_bj_cases fresh_bk_cases fresh_bl_cases fresh_bm_cases fresh_bn_cases fresh_bo_cases fresh_bp_cases fresh_br_cases fresh_bq_cases fresh_bs_cases fresh_bt_cases fresh_bv_cases fresh_bw_cases fresh_bu_cases fresh_bx_cases fresh_by_cases fresh_ca_cases fresh_cb_cases fresh_bz_cases fresh_cc_cases fresh_cd_cases fresh_cf_cases fresh_cg_cases fresh_ce_cases fresh_ch_cases fresh_ci_cases fresh_ck_cases fresh_cj_cases fresh_cl_cases
eval: install
	@for set in $(EVAL_SETS); do $(PY) -m assistant eval cases tests/data/$$set.jsonl || exit $$?; done

bench: install
	$(PY) -m assistant bench all

status-model: install  # retrain the status model after any change to the rule files (writes the package's data file)
	$(PY) -m assistant train status-model

# Chat layer (Rasa 3.6.21 in .venv-rasa, Python 3.10; see docs/rasa.md)
.PHONY: rasa-env rasa-validate rasa-train rasa-test-nlu rasa-test-core rasa-actions rasa-run rasa-bench

rasa-env:
	@bash scripts/rasa_env.sh >/dev/null

rasa-validate:
	bash scripts/rasa_cmd.sh validate

rasa-train:
	bash scripts/rasa_cmd.sh train

rasa-test-nlu:
	bash scripts/rasa_cmd.sh test-nlu

rasa-test-core: install  # starts the action webhook on :5055 for the test, then stops it
	$(PY) -m pytest -q tests/rasa/test_rasa.py -k conversation_stories

rasa-actions: install
	$(PY) -m actions.server --port 5055

rasa-run:
	bash scripts/rasa_cmd.sh run --port 5005

rasa-bench: install
	$(PY) -m actions.bench

# Service (api/): `make serve` runs it on DACA_HOST:DACA_PORT (default 127.0.0.1:8000), SQLite
# under ./data unless DACA_DATABASE_URL is set; see docs/api.md.
.PHONY: serve migrate bench-api

serve: install
	$(PY) -m api

migrate: install
	$(PY) -m api migrate

bench-api: install
	$(PY) -m assistant bench api

# Production topology on this machine (docs/deploy.md): nginx, API workers, two Rasa replicas,
# PostgreSQL and Redis. prod-deps builds what the prod/fault tests need (Rasa venv + model, nginx).
.PHONY: prod-deps prod-up prod-down prod-status load
prod-deps: install
	bash scripts/rasa_cmd.sh train
	bash scripts/prod.sh install-nginx

prod-up: prod-deps
	bash scripts/prod.sh up

prod-down:
	bash scripts/prod.sh down

prod-status:
	bash scripts/prod.sh status

# 50 simulated handlers against the running production topology (make prod-up first).
LOAD_HANDLERS ?= 50
LOAD_MINUTES ?= 10
load:
	$(PY) -m api.loadtest --handlers $(LOAD_HANDLERS) --minutes $(LOAD_MINUTES)
